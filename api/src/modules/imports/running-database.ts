import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

/** The credentials `npm start` gives its embedded PostgreSQL (api/src/core/embedded.ts). */
const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'pathforge';

export class RunningDatabaseError extends Error {}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (the postgres user, when run as root).
    return (error as NodeJS.ErrnoException | undefined)?.code === 'EPERM';
  }
}

/**
 * The URL of the embedded PostgreSQL a running `npm start` holds `dataDir` with, or null when none
 * runs there. PostgreSQL writes its pid (line 1) and port (line 4) into postmaster.pid; a second
 * server cannot start on the same directory, so an import beside a running server must use that one.
 * Refuses, saying why, when the server there does not answer.
 */
export async function runningEmbeddedUrl(dataDir: string): Promise<string | null> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let lines: string[];
  try {
    lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isRunning(pid)) return null;
  if (!Number.isInteger(port) || port <= 0) {
    throw new RunningDatabaseError(`PostgreSQL (pid ${pid}) holds ${dataDir} but its port is not in ${pidFile}: stop it, or set DATABASE_URL`);
  }
  const url = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new RunningDatabaseError(
      `PostgreSQL (pid ${pid}) holds ${dataDir} but does not answer on port ${port} (${(error as Error | undefined)?.message ?? 'no reason given'}): wait for it to start, stop it, or set DATABASE_URL`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  return url;
}
