import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../api/src/core/db-url';
import { repoRoot } from '../../api/src/core/config';
import { API_V8_FLAGS } from '../../api/src/core/runtime-flags';

interface Answer {
  status: number;
  worker: string;
  body: any;
}

/** One request on a connection of its own: the cluster spreads connections, not requests. */
function request(port: number, method: 'GET' | 'POST', urlPath: string, body?: unknown, token?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const outgoing = http.request(
      {
        host: '127.0.0.1', port, method, path: urlPath, agent: false,
        headers: { ...(payload && { 'content-type': 'application/json' }), ...(token && { authorization: `Bearer ${token}` }) },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, worker: String(response.headers['x-worker-id']), body: JSON.parse(text) }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

/**
 * The API as `npm start` runs it with API_PROCESSES=2, from its sources, in a fresh data
 * directory: a primary process that starts the embedded PostgreSQL and loads the demo data, and
 * two workers on one port. No AUTH_SECRET in the environment: the workers share the one created
 * under the data directory.
 */
describe('several API processes behind one port', () => {
  let dataDir: string;
  let port: number;
  let primary: ChildProcess;
  let output = '';

  const logged = (pattern: RegExp, timeoutMs = 45000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = output.match(pattern);
        if (match) {
          clearInterval(timer);
          clearTimeout(timeout);
          resolve(match);
        }
      };
      const timer = setInterval(check, 50);
      const timeout = setTimeout(() => {
        clearInterval(timer);
        reject(new Error(`Not logged within ${timeoutMs} ms: ${pattern}\n${output}`));
      }, timeoutMs);
      check();
    });

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pathforge-processes-'));
    // As root, the embedded PostgreSQL runs as the postgres user, which must reach the directory.
    fs.chmodSync(dataDir, 0o755);
    port = await freePort();
    const environment = { ...process.env };
    delete environment.AUTH_SECRET;
    delete environment.DATABASE_URL;
    delete environment.DATABASE_REPLICA_URLS;
    primary = spawn(process.execPath, ['-r', path.join(__dirname, 'support/typescript-register.js'), path.join(repoRoot, 'api/src/main.ts')], {
      cwd: repoRoot,
      env: { ...environment, API_PROCESSES: '2', PORT: String(port), PATHFORGE_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    primary.stdout!.on('data', (chunk) => (output += chunk));
    primary.stderr!.on('data', (chunk) => (output += chunk));
    await logged(/2 processes serving GraphQL/, 90000);
  }, 100000);

  afterAll(async () => {
    if (primary && primary.exitCode === null && primary.signalCode === null) {
      const exited = new Promise((resolve) => primary.once('exit', resolve));
      primary.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15000))]);
      primary.kill('SIGKILL');
    }
    // A primary killed before it could stop PostgreSQL leaves the postmaster running.
    const pidFile = dataDir && path.join(dataDir, 'pg', 'postmaster.pid');
    if (pidFile && fs.existsSync(pidFile)) {
      try {
        process.kill(Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGQUIT');
      } catch {
        // Already gone.
      }
    }
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, 30000);

  it('starts PostgreSQL once, spreads connections over both workers, which accept each other\'s tokens, replaces a crashed one, and drains them all before stopping PostgreSQL', async () => {
    expect(output.match(/Starting embedded PostgreSQL/g)).toHaveLength(1);
    expect(output.match(/Applied migrations/g)).toHaveLength(1);
    expect(output.match(/loading the demo data/g)).toHaveLength(1);
    const workers = [...output.matchAll(/Worker (\d+) started \(pid (\d+)\)/g)].map(([, id, pid]) => ({ id, pid: Number(pid) }));
    expect(workers.map((worker) => worker.id)).toEqual(['1', '2']);
    // The primary was started without the API's V8 flags; its workers get them all the same.
    for (const { pid } of workers) expect(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')).toEqual(expect.arrayContaining([...API_V8_FLAGS]));

    const login = await request(port, 'POST', '/graphql', {
      query: 'mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token } }',
      variables: { e: 'admin@demo.test', p: 'demo-password' },
    });
    const token = login.body.data.login.token as string;
    expect(token).toEqual(expect.any(String));
    // One of each secret, created by whichever worker came first, with no draft left beside them.
    expect(fs.readdirSync(path.join(dataDir, 'secrets')).sort()).toEqual(['auth_secret', 'credential_key_secret', 'postgres-pathforge', 'postgres-superuser']);

    // A worker that did not know the secret would refuse the token with a 401.
    const query = { query: '{ auditLog(first: 1) { totalCount } institutions(first: 1) { totalCount } }' };
    const answers = await Promise.all(Array.from({ length: 8 }, () => request(port, 'POST', '/graphql', query, token)));
    const [first] = answers;
    expect(first.body.data.institutions.totalCount).toBeGreaterThan(0);
    for (const answer of answers) expect({ status: answer.status, body: answer.body }).toEqual({ status: 200, body: first.body });
    expect(new Set(answers.map((answer) => answer.worker))).toEqual(new Set(['1', '2']));

    const [killed, survivor] = workers;
    process.kill(killed.pid, 'SIGKILL');
    await logged(new RegExp(`Worker ${killed.id} \\(pid ${killed.pid}\\) exited with SIGKILL: starting another`));
    const meanwhile = await Promise.all(Array.from({ length: 4 }, () => request(port, 'GET', '/healthz')));
    expect(meanwhile.map((answer) => [answer.status, answer.worker])).toEqual(Array(4).fill([200, survivor.id]));

    await logged(/Worker 3 started/);
    const replacementAnswers = async () => {
      const deadline = Date.now() + 45000;
      while (Date.now() < deadline) {
        const answered = await Promise.all(Array.from({ length: 4 }, () => request(port, 'GET', '/healthz').catch(() => null)));
        if (answered.some((answer) => answer?.worker === '3')) return true;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      return false;
    };
    expect(await replacementAnswers()).toBe(true);

    // A request still arriving when SIGTERM comes: its worker must answer it before stopping.
    const body = JSON.stringify({ query: '{ institutions(first: 1) { totalCount } }' });
    let inFlight!: http.ClientRequest;
    const answered = new Promise<{ status: number; body: any }>((resolve, reject) => {
      inFlight = http.request(
        { host: '127.0.0.1', port, method: 'POST', path: '/graphql', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` } },
        (response) => {
          let text = '';
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
        },
      );
      inFlight.on('error', reject);
    });
    inFlight.write(body.slice(0, 10));
    await new Promise((resolve) => setTimeout(resolve, 500));

    const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)));
    primary.kill('SIGTERM');
    await logged(new RegExp(`worker ${survivor.id}\\] SIGTERM: finishing requests in flight`));
    await logged(/worker 3\] SIGTERM: finishing requests in flight/);
    inFlight.end(body.slice(10));
    expect(await answered).toEqual({ status: 200, body: { data: { institutions: first.body.data.institutions } } });
    expect(await exited).toBe(0);
    await expect(request(port, 'GET', '/healthz')).rejects.toThrow(/ECONNREFUSED/);
    expect(output).toMatch(/Stopped; the database keeps its data/);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 120000);
});
