import 'reflect-metadata';
import cluster from 'node:cluster';
import { limitHeapGrowth } from './core/memory';
import { missingV8Flags } from './core/runtime-flags';
import { assertSecretsConfigured } from './core/secrets';
import { prepareDatabase, processCount, runPrimary, runWorker, serve } from './cluster';

async function main(): Promise<void> {
  limitHeapGrowth();
  // A missing or guessable secret would let the API start and then fail every login, or sign tokens anyone can forge.
  assertSecretsConfigured();
  if (cluster.isWorker) {
    const prefix = `[pathforge worker ${cluster.worker?.id}]`;
    return runWorker((line) => console.log(`${prefix} ${line}`));
  }
  const log = (line: string) => console.log(`[pathforge] ${line}`);
  const processes = processCount();
  if (processes > 1) return runPrimary(processes, log);
  const missing = missingV8Flags();
  if (missing.length > 0) log(`Started without ${missing.join(' ')}, which npm start passes: garbage collection may pause requests longer`);
  await serve(await prepareDatabase(log), log);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
