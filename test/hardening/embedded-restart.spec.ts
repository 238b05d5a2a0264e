import 'reflect-metadata';
import '../../api/src/modules';
import { ChildProcess, ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { repoRoot } from '../../api/src/core/config';
import { createDataSource } from '../../api/src/core/database';
import { freePort } from '../../api/src/core/db-url';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The API as `npm start` runs it (one process, embedded PostgreSQL), from its sources, on `dataDir`. */
class Api {
  output = '';
  private child: ChildProcess | null = null;
  port = 0;

  constructor(private readonly dataDir: string) {}

  async start(): Promise<void> {
    this.port = await freePort();
    const environment = { ...process.env };
    for (const name of ['AUTH_SECRET', 'DATABASE_URL', 'DATABASE_REPLICA_URLS', 'NODE_ENV']) delete environment[name];
    this.child = spawn(process.execPath, ['-r', path.join(repoRoot, 'test/scale/support/typescript-register.js'), path.join(repoRoot, 'api/src/main.ts')], {
      cwd: repoRoot,
      env: { ...environment, API_PROCESSES: '1', PORT: String(this.port), PATHFORGE_DATA_DIR: this.dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (chunk) => (this.output += chunk));
    this.child.stderr!.on('data', (chunk) => (this.output += chunk));
    await this.logged(/GraphQL at/, 90000);
  }

  async logged(pattern: RegExp, timeoutMs = 30000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.output)) {
      if (Date.now() > deadline) throw new Error(`Not logged within ${timeoutMs} ms: ${pattern}\n${this.output}`);
      if (this.child?.exitCode !== null) throw new Error(`The API exited before logging ${pattern}\n${this.output}`);
      await sleep(50);
    }
  }

  async gql(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<{ status: number; body: any }> {
    const response = await fetch(`http://127.0.0.1:${this.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: await response.json() };
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(20000)]);
    child.kill('SIGKILL');
  }
}

/** The running postmaster's process id, from its data directory. */
function postmasterPid(dataDir: string): number {
  return Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** The processes a postmaster started (its backends and helpers), read from /proc. */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat, after the command name in parentheses, is the parent's pid.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry));
    } catch {
      // The process ended while the list was read.
    }
  }
  return children;
}

function port(dataDir: string): number {
  return Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3]);
}

async function sql<T = any>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

function superuserUrl(dataDir: string, database = 'postgres'): string {
  const password = fs.readFileSync(path.join(dataDir, 'secrets', 'postgres-superuser'), 'utf8').trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port(dataDir)}/${database}`;
}

function freshDataDir(): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pathforge-embedded-'));
  // As root, the embedded PostgreSQL runs as the postgres user, which must reach the directory.
  fs.chmodSync(dataDir, 0o755);
  return dataDir;
}

function removeDataDir(dataDir: string): void {
  // A test that failed before the API stopped PostgreSQL leaves the postmaster running.
  try {
    process.kill(postmasterPid(dataDir), 'SIGQUIT');
  } catch {
    // Already gone.
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const LOGIN = 'mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token } }';
const COUNT = '{ institutions(first: 1) { totalCount } }';

describe('the embedded PostgreSQL', () => {
  describe('on a new data directory', () => {
    let dataDir: string;
    let api: Api;

    beforeAll(async () => {
      dataDir = freshDataDir();
      api = new Api(dataDir);
      await api.start();
    }, 100000);

    afterAll(async () => {
      await api?.stop();
      if (dataDir) removeDataDir(dataDir);
    }, 30000);

    it('has a generated superuser password, and the API connects as a role that owns its database and is no superuser', async () => {
      const password = fs.readFileSync(path.join(dataDir, 'secrets', 'postgres-superuser'), 'utf8').trim();
      expect(password).toMatch(/^[\w-]{64}$/);
      expect((fs.statSync(path.join(dataDir, 'secrets', 'postgres-superuser')).mode & 0o777).toString(8)).toBe('600');
      await expect(sql(`postgres://postgres:pathforge@127.0.0.1:${port(dataDir)}/postgres`, 'SELECT 1')).rejects.toMatchObject({ code: '28P01' });

      const sessions = await sql(superuserUrl(dataDir), `SELECT DISTINCT usename, datname FROM pg_stat_activity WHERE application_name = 'pathforge'`);
      expect(sessions).toEqual([{ usename: 'pathforge', datname: 'pathforge' }]);
      const [role] = await sql(superuserUrl(dataDir), `SELECT rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = 'pathforge'`);
      expect(role).toEqual({ rolsuper: false, rolcreatedb: false, rolcreaterole: false });
      const inApp = superuserUrl(dataDir, 'pathforge');
      expect(await sql(inApp, `SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = 'pathforge'`)).toEqual([{ owner: 'pathforge' }]);
      // Created by the superuser before the migrations, which then only find it there.
      expect(await sql(inApp, `SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'`)).toEqual([{ extname: 'pg_trgm' }]);
      expect(await sql(inApp, `SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relnamespace = 'public'::regnamespace`)).toEqual([
        { owner: 'pathforge' },
      ]);
    });

    it('is started again when its postmaster is killed: requests meanwhile answer DATABASE_UNAVAILABLE and /readyz 503, then succeed without restarting the API', async () => {
      const token = (await api.gql(LOGIN, { e: 'admin@demo.test', p: 'demo-password' })).body.data.login.token as string;
      const before = await api.gql(COUNT, {}, token);
      expect(before.status).toBe(200);
      const killed = postmasterPid(dataDir);
      // The whole server dies at once, as when the machine kills it: a backend left running would
      // answer the pool's idle connections for a moment and hide the outage from the first requests.
      const backends = childrenOf(killed);
      process.kill(killed, 'SIGKILL');
      for (const backend of backends) {
        try {
          process.kill(backend, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      const readyMeanwhile = new Set<string>();

      const gap: { status: number; codes: string[] }[] = [];
      const deadline = Date.now() + 60000;
      for (;;) {
        const answer = await api.gql(COUNT, {}, token);
        if (answer.status === 200 && !answer.body.errors) {
          expect(answer.body).toEqual(before.body);
          break;
        }
        gap.push({ status: answer.status, codes: (answer.body.errors ?? []).map((error: { extensions?: { code?: string } }) => error.extensions?.code) });
        const ready = await fetch(`http://127.0.0.1:${api.port}/readyz`);
        readyMeanwhile.add(`${ready.status} ${JSON.stringify(await ready.json())}`);
        if (Date.now() > deadline) throw new Error(`No answer within a minute of the kill: ${JSON.stringify(gap.slice(-3))}\n${api.output}`);
        await sleep(20);
      }
      expect(gap.length).toBeGreaterThan(0);
      // Like any GraphQL error, with a JSON body and status 200: never a 500.
      for (const answer of gap) expect(answer).toEqual({ status: 200, codes: ['DATABASE_UNAVAILABLE'] });
      expect(readyMeanwhile).toContain('503 {"ready":false,"database":"down","migrations":"unknown"}');
      expect(postmasterPid(dataDir)).not.toBe(killed);
      expect(api.output).toMatch(/The embedded PostgreSQL exited \(SIGKILL\): starting it again/);
      expect(api.output).toMatch(/The embedded PostgreSQL runs again/);
      // Logins and writes work again too.
      const again = await api.gql(LOGIN, { e: 'admin@demo.test', p: 'demo-password' });
      expect(again.body.data.login.token).toEqual(expect.any(String));
    }, 90000);
  });

  describe('on a data directory made with the old fixed password, its data in the postgres database', () => {
    let dataDir: string;
    let api: Api;

    beforeAll(async () => {
      dataDir = freshDataDir();
      const legacyPort = await freePort();
      const legacy = spawn(process.execPath, [path.join(__dirname, 'postgres-process.mjs'), path.join(dataDir, 'pg'), String(legacyPort)], { stdio: 'pipe' });
      await untilLine(legacy, 'ready');
      const url = `postgres://postgres:pathforge@127.0.0.1:${legacyPort}/postgres`;
      const db = createDataSource({ url, poolSize: 2 });
      await db.initialize();
      await db.runMigrations({ transaction: 'each' });
      await db.query(`INSERT INTO employer (name) VALUES ('Kept from before')`);
      await db.destroy();
      const stopped = untilLine(legacy, 'stopped');
      legacy.stdin.write('stop\n');
      await stopped;
      api = new Api(dataDir);
      await api.start();
    }, 150000);

    afterAll(async () => {
      await api?.stop();
      if (dataDir) removeDataDir(dataDir);
    }, 30000);

    it('changes the superuser password to a generated one and moves the data to the application role\'s database', async () => {
      expect(api.output).toMatch(/had the old fixed password: changed it/);
      expect(api.output).toMatch(/Moved the data of the embedded PostgreSQL's postgres database to the pathforge database/);
      await expect(sql(`postgres://postgres:pathforge@127.0.0.1:${port(dataDir)}/postgres`, 'SELECT 1')).rejects.toMatchObject({ code: '28P01' });
      const inApp = superuserUrl(dataDir, 'pathforge');
      expect(await sql(inApp, `SELECT name FROM employer WHERE name = 'Kept from before'`)).toEqual([{ name: 'Kept from before' }]);
      expect(await sql(inApp, `SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relnamespace = 'public'::regnamespace`)).toEqual([
        { owner: 'pathforge' },
      ]);
      expect(await sql(inApp, `SELECT DISTINCT pg_get_userbyid(typowner) AS owner FROM pg_type WHERE typnamespace = 'public'::regnamespace AND typtype = 'e'`)).toEqual([
        { owner: 'pathforge' },
      ]);
      // The old postgres database is a new, empty one.
      expect(await sql(superuserUrl(dataDir), `SELECT to_regclass('public.employer') AS employer`)).toEqual([{ employer: null }]);
      // The API serves the kept data as the pathforge role.
      const ready = await fetch(`http://127.0.0.1:${api.port}/readyz`);
      expect(await ready.json()).toEqual({ ready: true, database: 'up', migrations: 'current' });
      const sessions = await sql(superuserUrl(dataDir), `SELECT DISTINCT usename FROM pg_stat_activity WHERE application_name = 'pathforge'`);
      expect(sessions).toEqual([{ usename: 'pathforge' }]);
    });
  });
});

function untilLine(child: ChildProcessWithoutNullStreams, expected: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.split('\n').includes(expected)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the PostgreSQL process exited (${code}) before "${expected}": ${output}`)));
  });
}
