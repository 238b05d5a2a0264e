import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { config } from '../../api/src/core/config';
import { createDataSource } from '../../api/src/core/database';
import { withDatabase } from '../../api/src/core/db-url';
import { freePort } from '../../api/src/core/db-url';
import { issueToken } from '../../api/src/modules/accounts/auth.service';
import { Role } from '../../api/src/modules/accounts/user.entity';
import { RunningServer, startServer } from '../../api/src/server';
import { gid, makeInstitution, makeUser } from '../support/factories';
import { makePublishedCredential } from '../support/factories/credentials';
import { post } from './client';

type Phase = 'up' | 'down' | 'restarting' | 'restarted';
interface Attempt {
  kind: 'employer' | 'credential';
  name: string;
  phase: Phase;
  status: number;
  codes: string[];
  succeeded: boolean;
  millis: number;
}

const CLIENTS = 8;

/** Waits for a line on the process's output, or fails if it exits first. */
function lineFrom(child: ChildProcessWithoutNullStreams, expected: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.split('\n').includes(expected)) {
        child.stdout.off('data', onData);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the PostgreSQL process exited (${code}) before "${expected}": ${output}`)));
  });
}

/** This test's own PostgreSQL server, in a process of its own so that it can be stopped and started on the same port. */
class OwnPostgres {
  private child: ChildProcessWithoutNullStreams | null = null;

  constructor(readonly dataDir: string, readonly port: number) {}

  get url(): string {
    return `postgres://postgres:pathforge@127.0.0.1:${this.port}/postgres`;
  }

  async start(): Promise<void> {
    this.child = spawn(process.execPath, [path.join(__dirname, 'postgres-process.mjs'), this.dataDir, String(this.port)], { stdio: 'pipe' });
    await lineFrom(this.child, 'ready');
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    this.child = null;
    const stopped = lineFrom(child, 'stopped');
    child.stdin.write('stop\n');
    await stopped;
  }
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A PostgreSQL server of this test's own, stopped and started again while clients keep writing:
 * single-row writes (employers) and multi-row ones (a credential with its prerequisites and its
 * audit entry, in one transaction).
 */
describe('PostgreSQL stopped and restarted under load', () => {
  let dataDir: string;
  let postgres: OwnPostgres;
  let db: DataSource;
  let server: RunningServer;
  let url: string;
  let token: string;
  let institutionId: string;
  let prerequisiteIds: string[];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pathforge-fault-pg-'));
    // As root, initdb runs as the unprivileged postgres user, which must reach the directory.
    fs.chmodSync(dataDir, 0o755);
    postgres = new OwnPostgres(path.join(dataDir, 'pg'), await freePort());
    await postgres.start();
    const admin = new Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query('CREATE DATABASE pathforge_fault');
    await admin.end();
    db = createDataSource({ url: withDatabase(postgres.url, 'pathforge_fault'), poolSize: CLIENTS });
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
    token = (await issueToken(await makeUser(db, Role.ADMIN))).token;
    const college = await makeInstitution(db);
    institutionId = gid(college);
    prerequisiteIds = [gid(await makePublishedCredential(db, college.id, { title: 'First' })), gid(await makePublishedCredential(db, college.id, { title: 'Second' }))];
    server = await startServer(db, 0, { rateLimits: { pointsPerViewer: 0, pointsPerAddress: 0 } });
    url = `http://127.0.0.1:${server.port}`;
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await db?.destroy().catch(() => undefined);
    await postgres?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('fails fast with DATABASE_UNAVAILABLE while it is away, resumes by itself, and never half-writes', async () => {
    let phase: Phase = 'up';
    let running = true;
    const attempts: Attempt[] = [];

    const client = async (worker: number) => {
      for (let i = 0; running; i += 1) {
        const kind = i % 2 === 0 ? 'employer' : 'credential';
        const name = `fault-${worker}-${i}`;
        const startedIn = phase;
        const started = performance.now();
        const answer =
          kind === 'employer'
            ? await post(url, `mutation($name: String!) { employerCreate(input: { name: $name }) { employer { id } userErrors { code } } }`, { name }, { token })
            : await post(
                url,
                `mutation($input: CredentialCreateInput!) { credentialCreate(input: $input) { credential { id } userErrors { code } } }`,
                { input: { title: name, issuerInstitutionId: institutionId, level: 2, workloadHours: 40, deliveryMode: 'ONLINE', prerequisiteIds } },
                { token },
              );
        const payload = answer.body.data?.[kind === 'employer' ? 'employerCreate' : 'credentialCreate'];
        attempts.push({
          kind,
          name,
          // 'down' only for requests that began and ended while the server was away.
          phase: startedIn === 'down' && phase !== 'down' ? 'restarting' : startedIn,
          status: answer.status,
          codes: [...(answer.body.errors ?? []).map((e) => (e.extensions?.code === 'INTERNAL_SERVER_ERROR' ? `INTERNAL_SERVER_ERROR: ${e.message}` : String(e.extensions?.code))), ...(payload?.userErrors ?? []).map((e: { code: string }) => e.code)],
          succeeded: Boolean(payload?.employer?.id ?? payload?.credential?.id),
          millis: performance.now() - started,
        });
      }
    };
    const clients = Array.from({ length: CLIENTS }, (_, worker) => client(worker));

    await sleep(1500);
    await postgres.stop();
    phase = 'down';
    await sleep(2500);
    const readyWhileDown = await fetch(`${url}/readyz`);
    phase = 'restarting';
    await postgres.start();
    phase = 'restarted';
    let ready = false;
    for (let i = 0; i < 40 && !ready; i += 1) {
      ready = (await fetch(`${url}/readyz`)).status === 200;
      if (!ready) await sleep(250);
    }
    await sleep(1500);
    running = false;
    await Promise.all(clients);

    expect(readyWhileDown.status).toBe(503);
    expect(ready).toBe(true);
    const inPhase = (p: Phase) => attempts.filter((a) => a.phase === p);
    // Nothing is a fault: an answer is a success or DATABASE_UNAVAILABLE, never a 500.
    expect(attempts.filter((a) => a.status >= 500)).toEqual([]);
    expect(new Set(attempts.flatMap((a) => a.codes))).toEqual(new Set(['DATABASE_UNAVAILABLE']));
    expect(inPhase('up').filter((a) => a.succeeded).length).toBeGreaterThan(CLIENTS);
    // While the server is away, every request fails, and fails within the connect timeout.
    const down = inPhase('down');
    expect(down.length).toBeGreaterThan(CLIENTS);
    expect(down.filter((a) => a.succeeded || a.codes.join() !== 'DATABASE_UNAVAILABLE')).toEqual([]);
    expect(Math.max(...down.map((a) => a.millis))).toBeLessThan(config.connectTimeoutMs + 1000);
    // Service resumed in the same API process.
    expect(inPhase('restarted').filter((a) => a.succeeded).length).toBeGreaterThan(CLIENTS);

    const employers = new Set((await db.query(`SELECT name FROM employer WHERE name LIKE 'fault-%'`)).map((row: { name: string }) => row.name));
    const credentials: { title: string; prerequisites: number; audits: number }[] = await db.query(
      `SELECT c.title,
              (SELECT count(*)::int FROM credential_prerequisite p WHERE p.credential_id = c.id) AS prerequisites,
              (SELECT count(*)::int FROM audit_entry e WHERE e.record_type = 'Credential' AND e.record_id = c.id) AS audits
         FROM credential c WHERE c.title LIKE 'fault-%'`,
    );
    const written = new Map(credentials.map((row) => [row.title, row]));
    // Every success is there, whole.
    for (const attempt of attempts.filter((a) => a.succeeded)) {
      if (attempt.kind === 'employer') expect({ [attempt.name]: employers.has(attempt.name) }).toEqual({ [attempt.name]: true });
      else expect(written.get(attempt.name)).toEqual({ title: attempt.name, prerequisites: 2, audits: 1 });
    }
    // Nothing is half-written: every credential row has both prerequisites and its audit entry,
    // and no audit entry or prerequisite points at a record that is not there.
    expect(credentials.filter((row) => row.prerequisites !== 2 || row.audits !== 1)).toEqual([]);
    const orphans = await db.query(
      `SELECT (SELECT count(*)::int FROM audit_entry e WHERE e.record_type = 'Credential' AND NOT EXISTS (SELECT 1 FROM credential c WHERE c.id = e.record_id)) AS credential_audits,
              (SELECT count(*)::int FROM audit_entry e WHERE e.record_type = 'Employer' AND NOT EXISTS (SELECT 1 FROM employer c WHERE c.id = e.record_id)) AS employer_audits`,
    );
    expect(orphans).toEqual([{ credential_audits: 0, employer_audits: 0 }]);
    // A failure is absent, except a commit whose answer the stop cut off: that one is whole (checked
    // above), and there can be at most one per client in flight at the stop.
    const failedButWritten = attempts.filter((a) => !a.succeeded && (a.kind === 'employer' ? employers.has(a.name) : written.has(a.name)));
    expect(failedButWritten.length).toBeLessThanOrEqual(CLIENTS);
    expect(failedButWritten.every((a) => a.phase === 'up')).toBe(true);
    expect(employers.size + credentials.length).toBe(attempts.filter((a) => a.succeeded).length + failedButWritten.length);
    console.log(
      `fault test: ${attempts.length} requests (${inPhase('up').length} before the stop, ${down.length} while down, ${inPhase('restarted').length} after), ` +
        `${attempts.filter((a) => a.succeeded).length} succeeded, slowest while down ${Math.round(Math.max(...down.map((a) => a.millis)))} ms, ${failedButWritten.length} cut off after commit`,
    );
  }, 120_000);
});
