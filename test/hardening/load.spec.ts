import { runLoad } from '../../bench/load';
import { seedDemoData } from '../../api/src/seed/demo';
import { RunningServer, startServer } from '../../api/src/server';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../support/db';

/**
 * The load script's mixes for a few seconds (npm run load runs 50 connections for a minute, against
 * the API in a process of its own): not one error. Fewer connections here, where the server shares
 * its process and the CI machine's cores with the test runner.
 */
/**
 * Resolves once no other statement has run on the database for half a second: autocannon stops at
 * the end of its duration without waiting for the requests in flight, which the server goes on
 * answering. Writes it left unanswered can still be queued in the API for a write slot, and between
 * one commit and the next the database looks idle for a moment: one idle look is not enough.
 */
async function settled(db: DataSource): Promise<void> {
  const QUIET_LOOKS = 10;
  let quiet = 0;
  for (let attempt = 0; attempt < 400; attempt += 1) {
    const [{ busy }] = await db.query(`SELECT count(*)::int AS busy FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle' AND pid <> pg_backend_pid()`);
    quiet = busy === 0 ? quiet + 1 : 0;
    if (quiet === QUIET_LOOKS) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the database was still busy 20 seconds after the load stopped');
}

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

  it('answers the mixed profile without an error: many connections writing to one pathway and one agreement, and learner edits based on their revision', async () => {
    const written = `SELECT (SELECT count(*) FROM pathway_comment)::int AS comments,
      (SELECT revision FROM articulation_agreement WHERE id = (SELECT agreement_id FROM credit_mapping ORDER BY id LIMIT 1)) AS "agreementRevision",
      (SELECT coalesce(sum(revision - 1), 0)::int FROM learner WHERE email LIKE 'load-%@load.test') AS "learnerEdits"`;
    await settled(database.db);
    const before = (await database.db.query(written))[0];
    const report = await runLoad(database.db, { url: `http://127.0.0.1:${server.port}`, connections: 20, durationSeconds: Number(process.env.LOAD_SECONDS ?? 3), profile: 'mixed' });
    expect({ errors: report.errors, non2xx: report.non2xx, timeouts: report.timeouts, graphqlErrors: report.graphqlErrors, userErrors: report.userErrors, codes: report.codes }).toEqual({
      errors: 0, non2xx: 0, timeouts: 0, graphqlErrors: 0, userErrors: 0, codes: {},
    });
    expect(report.writes).toBeGreaterThan(0);
    expect(Object.keys(report.mix)).toEqual(expect.arrayContaining(['pathwayCommentAdd, one pathway (staff)', 'learnerUpdate, own learner (advisor)', 'creditMappingUpdate, one agreement (admin)']));

    // Every answered write is in the database: the comments on the one pathway, a revision of the
    // one agreement per mapping edit, one of a connection's learner per learner edit. A request
    // still in flight when the run stopped may have been written unanswered: one per connection at most.
    await settled(database.db);
    const after = (await database.db.query(written))[0];
    const answered = {
      comments: report.mix['pathwayCommentAdd, one pathway (staff)'] + report.mix['pathwayCommentAdd, one pathway (admin)'],
      agreementRevision: report.mix['creditMappingUpdate, one agreement (admin)'],
      learnerEdits: report.mix['learnerUpdate, own learner (advisor)'],
    };
    for (const [figure, count] of Object.entries(answered)) {
      const stored = after[figure] - before[figure];
      expect({ figure, stored: stored >= count && stored <= count + 20 }).toEqual({ figure, stored: true });
    }
  });
});
