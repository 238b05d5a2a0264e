import { createTestDatabase, TestDatabase } from '../support/db';
import { migrations } from '../../migrations';

const tableCount = async (database: TestDatabase) =>
  (await database.db.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`))[0].n;

describe('migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
  });
  afterAll(() => database.drop());

  it('build the schema the entities describe, with nothing left to generate', async () => {
    await database.db.runMigrations({ transaction: 'each' });
    expect(await tableCount(database)).toBe(database.db.entityMetadatas.length);
    const pending = await database.db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('run down to an empty database and up again', async () => {
    for (let i = 0; i < migrations.length; i += 1) await database.db.undoLastMigration({ transaction: 'each' });
    expect(await tableCount(database)).toBe(0);
    const types = await database.db.query(`SELECT count(*)::int AS n FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e'`);
    expect(types[0].n).toBe(0);
    await database.db.runMigrations({ transaction: 'each' });
    expect(await tableCount(database)).toBe(database.db.entityMetadatas.length);
  });
});
