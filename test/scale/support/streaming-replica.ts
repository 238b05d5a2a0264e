import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from '../../../api/src/core/db-url';

const run = promisify(execFile);
const DEBIAN_POSTGRESQL = '/usr/lib/postgresql';
const TOOLS = ['initdb', 'pg_ctl', 'pg_basebackup'];

/** The bin directory of the newest PostgreSQL Debian installed that has the server tools, if any. */
export function debianPostgresBin(): string | null {
  if (!fs.existsSync(DEBIAN_POSTGRESQL)) return null;
  const versions = fs.readdirSync(DEBIAN_POSTGRESQL).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = path.join(DEBIAN_POSTGRESQL, version, 'bin');
    if (TOOLS.every((tool) => fs.existsSync(path.join(bin, tool)))) return bin;
  }
  return null;
}

export interface PostgresServer {
  url: string;
  port: number;
  /** Runs one statement on a connection of its own (superuser). */
  sql<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
}

export interface StreamingPair {
  primary: PostgresServer;
  replica: PostgresServer;
  /** Stops applying the primary's WAL: the replica keeps answering, with data as of now. */
  pauseReplay(): Promise<void>;
  /** Applies WAL again and waits until the replica has everything the primary has written. */
  resumeReplay(): Promise<void>;
  /** Waits until the replica has replayed everything the primary has written so far. */
  caughtUp(): Promise<void>;
  stopReplica(): Promise<void>;
  /** Starts the stopped replica again, on its port, and waits until it answers reads. */
  startReplica(): Promise<void>;
  destroy(): Promise<void>;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function server(port: number): PostgresServer {
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    async sql(text, values) {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(text, values)).rows;
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * A primary and a streaming replica made with pg_basebackup, from Debian's PostgreSQL binaries,
 * in a temporary directory, on free loopback ports. As root, PostgreSQL runs as the postgres user.
 */
export async function startStreamingPair(bin: string): Promise<StreamingPair> {
  const asRoot = process.getuid?.() === 0;
  const tool = (name: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(bin, name), ...args]) : run(path.join(bin, name), args);
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'pathforge-replication-'));
  fs.chmodSync(base, 0o755);
  const primaryDir = path.join(base, 'primary');
  const replicaDir = path.join(base, 'replica');
  for (const dir of [primaryDir, replicaDir]) {
    fs.mkdirSync(dir, { mode: 0o700 });
    if (asRoot) await run('chown', ['postgres:postgres', dir]);
  }
  const started: string[] = [];
  const stop = async (dir: string) => {
    if (!started.includes(dir)) return;
    started.splice(started.indexOf(dir), 1);
    await tool('pg_ctl', ['stop', '-D', dir, '-m', 'immediate', '-w']).catch(() => undefined);
  };
  const start = async (dir: string, port: number) => {
    // No Unix socket: everything goes over loopback TCP, and nothing is left in /var/run.
    const options = `-c port=${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c full_page_writes=off`;
    started.push(dir);
    await tool('pg_ctl', ['start', '-D', dir, '-w', '-t', '30', '-l', path.join(dir, 'server.log'), '-o', options]);
  };

  const destroy = async () => {
    await stop(replicaDir);
    await stop(primaryDir);
    fs.rmSync(base, { recursive: true, force: true });
  };

  try {
    await tool('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    fs.appendFileSync(
      path.join(primaryDir, 'postgresql.conf'),
      '\nwal_level = replica\nmax_wal_senders = 4\nhot_standby = on\n',
    );
    fs.appendFileSync(path.join(primaryDir, 'pg_hba.conf'), '\nhost replication postgres 127.0.0.1/32 trust\n');
    const primaryPort = await freePort();
    await start(primaryDir, primaryPort);

    await tool('pg_basebackup', ['-R', '-D', replicaDir, '-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-X', 'stream', '--no-sync']);
    const replicaPort = await freePort();
    await start(replicaDir, replicaPort);

    const primary = server(primaryPort);
    const replica = server(replicaPort);
    const answering = () =>
      until('the replica accepts read-only connections', async () => (await replica.sql<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby'))[0].standby);
    await answering();

    const caughtUp = async () => {
      const [{ lsn }] = await primary.sql<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
      await until('the replica has replayed the primary\'s writes', async () =>
        (await replica.sql<{ done: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [lsn]))[0].done);
    };
    return {
      primary,
      replica,
      async pauseReplay() {
        await replica.sql('SELECT pg_wal_replay_pause()');
        await until('replay is paused', async () => (await replica.sql<{ state: string }>('SELECT pg_get_wal_replay_pause_state() AS state'))[0].state === 'paused');
      },
      async resumeReplay() {
        await replica.sql('SELECT pg_wal_replay_resume()');
        await caughtUp();
      },
      caughtUp,
      stopReplica: () => stop(replicaDir),
      async startReplica() {
        await start(replicaDir, replicaPort);
        await answering();
      },
      destroy,
    };
  } catch (error) {
    const logs = [primaryDir, replicaDir].map((dir) => path.join(dir, 'server.log')).filter((file) => fs.existsSync(file));
    const detail = logs.map((file) => `${file}:\n${fs.readFileSync(file, 'utf8').slice(-2000)}`).join('\n');
    await destroy();
    throw new Error(`${(error as Error).message}\n${detail}`);
  }
}
