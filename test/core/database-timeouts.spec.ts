import { DataSource } from 'typeorm';
import { isDatabaseUnavailable, isPoolWait } from '../../api/src/core/availability';
import { createDataSource } from '../../api/src/core/database';
import { createTestDatabase, TestDatabase } from '../support/db';
import { HoldingProxy } from '../support/holding-proxy';

/** How long `work` takes to fail, and with what. */
async function failure(work: () => Promise<unknown>): Promise<{ error: unknown; millis: number }> {
  const start = performance.now();
  try {
    await work();
  } catch (error) {
    return { error, millis: performance.now() - start };
  }
  throw new Error('expected a failure');
}

describe('the connect timeout and the pool wait', () => {
  let database: TestDatabase;
  let db: DataSource | null = null;
  let proxy: HoldingProxy | null = null;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    if (db?.isInitialized) await db.destroy();
    await proxy?.close();
    db = null;
    proxy = null;
  });
  afterAll(() => database.drop());

  it('a full pool of a healthy server fails after the pool wait as busy, however long a connect may take', async () => {
    db = createDataSource({ url: database.url, poolSize: 1, poolWaitTimeoutMs: 200, connectTimeoutMs: 20000 });
    await db.initialize();
    const holder = db.createQueryRunner();
    await holder.connect();
    try {
      const { error, millis } = await failure(() => db!.query('SELECT 1'));
      expect(isPoolWait(error)).toBe(true);
      expect(isDatabaseUnavailable(error)).toBe(false);
      expect(millis).toBeGreaterThanOrEqual(150);
      expect(millis).toBeLessThan(1500);
    } finally {
      await holder.release();
    }
  });

  it('a server that stops answering fails after the connect timeout as unavailable, however long the pool wait', async () => {
    proxy = new HoldingProxy(new URL(database.url));
    db = createDataSource({ url: await proxy.listen(), poolSize: 1, poolWaitTimeoutMs: 20000, connectTimeoutMs: 300 });
    await db.initialize();
    expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    proxy.silence();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { error, millis } = await failure(() => db!.query('SELECT 1'));
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isPoolWait(error)).toBe(false);
    expect(millis).toBeGreaterThanOrEqual(250);
    expect(millis).toBeLessThan(1500);
  });
});
