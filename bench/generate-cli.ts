import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { generationSteps, SIZES } from './generate';
import { prepareBenchDatabase } from './database';

/**
 * `npm run generate -- --size S|M [--database postgres://…]`: fills a fresh database with the
 * deterministic data set (DATABASE_URL, or the embedded server kept in bench/out/pg), with a
 * progress bar and the time of each step.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { size: { type: 'string', default: 'M' }, database: { type: 'string' } } });
  const size = values.size?.toUpperCase() as 'S' | 'M';
  if (!SIZES[size]) throw new Error('--size must be S or M');
  const bar = new SingleBar({ format: 'generating size {size} [{bar}] {value}/{total} steps | {step}', hideCursor: true }, Presets.shades_classic);
  const timings: [string, number][] = [];
  const messages: string[] = [];
  bar.start(generationSteps(SIZES[size]).length, 0, { size, step: 'starting' });
  const bench = await prepareBenchDatabase({
    size,
    url: values.database ?? process.env.DATABASE_URL,
    reuse: false,
    log: (line) => messages.push(line),
    onStep: (step, millis) => {
      timings.push([step, millis]);
      bar.increment({ step });
    },
  });
  bar.stop();
  for (const [step, millis] of timings) console.log(`  ${step.padEnd(24)} ${(millis / 1000).toFixed(2).padStart(7)} s`);
  for (const line of messages) console.log(line);
  console.log(`database: ${bench.url.replace(/\/\/[^@]*@/, '//')}`);
  await bench.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
