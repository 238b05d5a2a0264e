import 'reflect-metadata';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { repoRoot } from '../api/src/core/config';
import { apiNodeArguments } from '../api/src/core/runtime-flags';
import { freePort } from '../api/src/core/db-url';
import { issueToken } from '../api/src/modules/accounts/auth.service';
import { Role, User } from '../api/src/modules/accounts/user.entity';
import { mulberry32 } from './advising';
import { prepareBenchDatabase } from './database';
import { SIZES } from './generate';
import { benchQueries } from './queries';

/** The API process's CPU time so far (user + system), in µs, from /proc. */
function cpuMicros(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100;
}

/**
 * CPU time the API spends per request, by query: a fixed number of requests (10 at a time) after
 * a warm-up, the API's CPU time read from /proc before and after; `--api` runs another build's
 * bench/serve-api.js (to compare). Unlike req/s on a shared
 * machine, it hardly depends on what else runs. `npm run build:api && node dist/bench/cpu.js`.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { size: { type: 'string', default: 'M' }, requests: { type: 'string', default: '3000' }, only: { type: 'string' }, api: { type: 'string' } } });
  const sizeName = values.size!.toUpperCase() as 'S' | 'M';
  process.env.AUTH_SECRET ??= 'a benchmark-only secret that is long enough to sign';
  const bench = await prepareBenchDatabase({ size: sizeName, url: process.env.DATABASE_URL, reuse: true, log: () => undefined });
  const port = await freePort();
  const api = spawn(process.env.BENCH_NODE ?? process.execPath, apiNodeArguments(values.api ?? path.join(repoRoot, 'dist', 'bench', 'serve-api.js')), {
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: bench.url, PORT: String(port), PATHFORGE_COUNT_SQL: '0', RATE_LIMIT_VIEWER_POINTS: '0', RATE_LIMIT_ADDRESS_POINTS: '0' },
    stdio: 'inherit',
  });
  try {
    for (let i = 0; i < 240; i += 1) {
      try {
        await fetch(`http://127.0.0.1:${port}/healthz`);
        break;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    const [user] = await bench.db.query(`SELECT id, role, institution_id AS "institutionId", employer_id AS "employerId", token_version AS "tokenVersion" FROM app_user WHERE email = 'bench@bench.test'`);
    const { token } = await issueToken(Object.assign(new User(), user, { role: Role.ADMIN }));
    const requests = Number(values.requests);
    for (const query of benchQueries(SIZES[sizeName]).filter((q) => !values.only || values.only.split(',').includes(q.key))) {
      const random = mulberry32(7);
      const request = () => ({
        method: 'POST' as const,
        path: '/graphql',
        headers: { 'content-type': 'application/json', ...(query.signedIn ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: query.graphql, variables: query.variables(query.pick(random)) }),
      });
      const fire = (amount: number) => autocannon({ url: `http://127.0.0.1:${port}`, connections: 10, amount, requests: [{ setupRequest: (r) => ({ ...r, ...request() }) }] });
      await fire(Math.min(500, requests));
      const before = cpuMicros(api.pid!);
      const result = await fire(requests);
      const micros = (cpuMicros(api.pid!) - before) / requests;
      console.log(`${query.key}: ${micros.toFixed(0)} µs CPU per request (${result.non2xx} non-2xx, ${result.requests.average.toFixed(0)} req/s)`);
    }
  } finally {
    api.kill('SIGTERM');
    await bench.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
