import 'reflect-metadata';
import { openDatabase } from './core/bootstrap';
import { config } from './core/config';
import { isEmpty, seedDemoData } from './seed/demo';
import { startServer } from './server';

async function main(): Promise<void> {
  const log = (line: string) => console.log(`[pathforge] ${line}`);
  const database = await openDatabase(log);
  if (await isEmpty(database.db)) {
    log('Empty database: loading the demo data');
    await seedDemoData(database.db);
  }
  const server = await startServer(database.db, config.port);
  log(`GraphQL at ${server.url}/graphql`);
  log(`Admin console at ${server.url}/admin/`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing requests in flight, then stopping`);
    await server.stop();
    await database.close();
    log('Stopped; the database keeps its data');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
