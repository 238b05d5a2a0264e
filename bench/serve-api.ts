import 'reflect-metadata';
import '../api/src/modules';
import { createDataSource } from '../api/src/core/database';
import { config } from '../api/src/core/config';
import { limitHeapGrowth } from '../api/src/core/memory';
import { startServer } from '../api/src/server';

/**
 * The API as the benchmark runs it: its own process (so its memory can be read from /proc), on
 * DATABASE_URL and PORT, in the mode NODE_ENV and PATHFORGE_COUNT_SQL say. Prints "listening"
 * once it takes requests.
 */
async function main(): Promise<void> {
  // As the API's own entry point (api/src/main.ts) does.
  limitHeapGrowth();
  const db = createDataSource({ url: process.env.DATABASE_URL!, poolSize: config.poolSize, applicationName: 'pathforge-bench-api' });
  await db.initialize();
  const server = await startServer(db, config.port, { countSqlStatements: config.countSqlStatements });
  console.log(`listening ${server.url}`);
  process.on('SIGTERM', async () => {
    await server.stop();
    await db.destroy();
    process.exit(0);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
