import 'reflect-metadata';
import '../modules';
import { openDatabase } from '../core/bootstrap';
import { countDemoRows, replaceDemoData } from './demo';

/** `npm run seed`: replaces the data with a fresh copy of the demo data and reports what it loaded. */
async function main(): Promise<void> {
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
