import 'reflect-metadata';
import '../modules';
import { openDatabase } from '../core/bootstrap';
import { config } from '../core/config';
import { countDemoRows, replaceDemoData } from './demo';

/** `npm run seed`: replaces the data with a fresh copy of the demo data and reports what it loaded. */
async function main(): Promise<void> {
  if (config.production) throw new Error('NODE_ENV is production: the demo data and its accounts are never loaded there');
  const database = await openDatabase((line) => console.log(line));
  try {
    console.log('Replacing all data with the demo data…');
    await replaceDemoData(database.db);
    const counts = await countDemoRows(database.db);
    console.table(Object.entries(counts).map(([table, rows]) => ({ table, rows })));
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
