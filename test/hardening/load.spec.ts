import { runLoad } from '../../bench/load';
import { seedDemoData } from '../../api/src/seed/demo';
import { RunningServer, startServer } from '../../api/src/server';
import { createTestDatabase, TestDatabase } from '../support/db';

/**
 * The load script's mix for a few seconds (npm run load runs 50 connections for a minute, against
 * the API in a process of its own): not one error. Fewer connections here, where the server shares
 * its process and the CI machine's cores with the test runner.
 */
describe('load: connections mixing reads and writes', () => {
  let database: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoData(database.db);
    server = await startServer(database.db, 0, { countSqlStatements: false, rateLimits: { pointsPerViewer: 0, pointsPerAddress: 0 } });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('answers every request without an error', async () => {
    const report = await runLoad(database.db, { url: `http://127.0.0.1:${server.port}`, connections: 20, durationSeconds: Number(process.env.LOAD_SECONDS ?? 5) });
    expect({ errors: report.errors, non2xx: report.non2xx, timeouts: report.timeouts, graphqlErrors: report.graphqlErrors, userErrors: report.userErrors }).toEqual({
      errors: 0, non2xx: 0, timeouts: 0, graphqlErrors: 0, userErrors: 0,
    });
    expect(report.reads).toBeGreaterThan(0);
    expect(report.writes).toBeGreaterThan(0);
    const written = await database.db.query(`SELECT count(*)::int AS n FROM employer WHERE name LIKE 'Load %'`);
    expect(written[0].n).toBeGreaterThan(0);
  });
});
