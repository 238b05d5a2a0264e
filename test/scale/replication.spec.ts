import 'reflect-metadata';
import { Database, openDatabase } from '../../api/src/core/bootstrap';
import { issueToken } from '../../api/src/modules/accounts/auth.service';
import { Role, User } from '../../api/src/modules/accounts/user.entity';
import { RunningServer, startServer } from '../../api/src/server';
import { gid, insert, makeCompetency, makeEmployer, makeFramework, makeInstitution } from '../support/factories';
import { align, makeCredential, makeOutcome } from '../support/factories/credentials';
import { HoldingProxy } from '../support/holding-proxy';
import { debianPostgresBin, startStreamingPair, StreamingPair } from './support/streaming-replica';

const bin = debianPostgresBin();
if (!bin) console.warn('Skipping the replication tests: no Debian PostgreSQL server binaries under /usr/lib/postgresql/<version>/bin');
const describeWithDebianPostgres = bin ? describe : describe.skip;
/** How long the API passes over a replica it could not reach (short, so the test sees it come back). */
const RETRY_MS = 300;

/**
 * The proof that a read came from the replica: while the replica's replay is paused, a row
 * written on the primary exists there and not on the replica, so whichever server answered shows
 * in the answer itself.
 */
describeWithDebianPostgres('read replicas: a real streaming replica made with pg_basebackup', () => {
  let pair: StreamingPair;
  let database: Database;
  let server: RunningServer;
  let token: string;

  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
    return { status: response.status, ...body };
  };

  beforeAll(async () => {
    pair = await startStreamingPair(bin!);
    database = await openDatabase(() => {}, { url: pair.primary.url, replicaUrls: [pair.replica.url], replicaRetryMs: RETRY_MS });
    server = await startServer(database.db, 0, { countSqlStatements: false, reads: database.reads });
    const admin = await insert(database.db, User, { email: 'admin@replication.test', displayName: 'Admin', role: Role.ADMIN, passwordHash: 'unused' });
    token = (await issueToken(admin)).token;
    await pair.caughtUp();
  }, 90000);

  afterAll(async () => {
    await server?.stop();
    await database?.close();
    await pair?.destroy();
  });

  afterEach(async () => {
    await pair.replica.sql('SELECT pg_wal_replay_resume()').catch(() => undefined);
  });

  it('migrates only the primary, which streams the schema to the replica', async () => {
    const [primary] = await pair.primary.sql<{ applied: number }>('SELECT count(*)::int AS applied FROM migrations');
    expect(primary.applied).toBeGreaterThan(0);
    expect(await pair.replica.sql('SELECT count(*)::int AS applied FROM migrations')).toEqual([primary]);
    await expect(pair.replica.sql(`INSERT INTO employer (name) VALUES ('refused')`)).rejects.toThrow(/read-only transaction/);
  });

  it('serves query operations from the replica: a row the replica has not replayed is not there, by repository or raw SQL', async () => {
    const institution = await makeInstitution(database.db);
    const credential = await makeCredential(database.db, institution.id);
    const outcome = await makeOutcome(database.db, credential.id);
    const framework = await makeFramework(database.db);
    const competency = await makeCompetency(database.db, framework.id);
    await pair.caughtUp();

    await pair.pauseReplay();
    const unreplayed = await makeFramework(database.db, { name: 'Written while the replica waits' });
    const employer = await makeEmployer(database.db, { name: 'Also written while the replica waits' });
    await align(database.db, outcome.id, competency.id);

    const lagging = await gql(
      `query($framework: ID!, $employer: ID!, $credential: ID!) {
        framework: node(id: $framework) { id }
        employer: node(id: $employer) { id }
        credential: node(id: $credential) { ... on Credential { competencies { id } } }
      }`,
      { framework: gid(unreplayed), employer: gid(employer), credential: gid(credential) },
    );
    expect(lagging.errors).toBeUndefined();
    // Every read of the operation came from the replica, the employer's too: no process copy of
    // reference rows is kept on the primary any more.
    expect(lagging.data).toEqual({ framework: null, employer: null, credential: { competencies: [] } });

    await pair.resumeReplay();
    const current = await gql(
      `query($framework: ID!, $credential: ID!) {
        framework: node(id: $framework) { ... on CompetencyFramework { name } }
        credential: node(id: $credential) { ... on Credential { competencies { id } } }
      }`,
      { framework: gid(unreplayed), credential: gid(credential) },
    );
    expect(current.data).toEqual({ framework: { name: 'Written while the replica waits' }, credential: { competencies: [{ id: gid(competency) }] } });
  });

  it('sends a mutation to the primary and builds its payload there, so it reads its own write while the replica lags', async () => {
    const institution = await makeInstitution(database.db);
    const credential = await makeCredential(database.db, institution.id);
    const outcome = await makeOutcome(database.db, credential.id);
    const framework = await makeFramework(database.db);
    const competency = await makeCompetency(database.db, framework.id);
    await pair.caughtUp();

    await pair.pauseReplay();
    const created = await gql(
      `mutation($input: AlignmentCreateInput!) {
        alignmentCreate(input: $input) {
          alignment { id strength outcome { alignments { id } credential { competencies { id } } } }
          userErrors { code message }
        }
      }`,
      { input: { outcomeId: gid(outcome), competencyId: gid(competency), strength: 'EXACT' } },
    );
    expect(created.errors).toBeUndefined();
    const { alignment, userErrors } = created.data.alignmentCreate;
    expect(userErrors).toEqual([]);
    // Both reads ran after commit, through the request's loaders: on the replica they would find nothing.
    expect(alignment.outcome).toEqual({ alignments: [{ id: alignment.id }], credential: { competencies: [{ id: gid(competency) }] } });

    const byOutcome = 'SELECT count(*)::int AS rows FROM alignment WHERE outcome_id = $1';
    expect(await pair.primary.sql(byOutcome, [outcome.id])).toEqual([{ rows: 1 }]);
    expect(await pair.replica.sql(byOutcome, [outcome.id])).toEqual([{ rows: 0 }]);
    const meanwhile = await gql(`query($id: ID!) { node(id: $id) { id } }`, { id: alignment.id });
    expect(meanwhile.data).toEqual({ node: null });

    await pair.resumeReplay();
    expect(await pair.replica.sql(byOutcome, [outcome.id])).toEqual([{ rows: 1 }]);
    expect((await gql(`query($id: ID!) { node(id: $id) { id } }`, { id: alignment.id })).data).toEqual({ node: { id: alignment.id } });
  });

  it('reports the replica on /readyz, and while it is gone reads from the primary and stays ready; reads go back to it once it is up', async () => {
    const ready = async () => {
      const response = await fetch(`${server.url}/readyz`);
      return { status: response.status, body: await response.json() };
    };
    const EMPLOYERS = `query($search: String!) { employers(first: 5, filter: { search: $search }) { totalCount nodes { name } } }`;
    expect(await ready()).toEqual({ status: 200, body: { ready: true, database: 'up', migrations: 'current', replicas: [{ state: 'up', lagSeconds: 0 }] } });

    await pair.stopReplica();
    // One replica down is not the process down: taking every API process out of service would be the outage.
    expect(await ready()).toEqual({ status: 200, body: { ready: true, database: 'up', migrations: 'current', replicas: [{ state: 'down', lagSeconds: null }] } });
    const write = await gql(`mutation { employerCreate(input: { name: "Written while the replica is down" }) { employer { name } userErrors { code } } }`);
    expect(write.data).toEqual({ employerCreate: { employer: { name: 'Written while the replica is down' }, userErrors: [] } });
    // Only the primary has it, and only the primary is there to answer.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const read = await gql(EMPLOYERS, { search: 'while the replica is down' });
      expect(read.errors).toBeUndefined();
      expect(read.data.employers).toEqual({ totalCount: 1, nodes: [{ name: 'Written while the replica is down' }] });
    }

    await pair.startReplica();
    await pair.caughtUp();
    await pair.pauseReplay();
    await gql(`mutation { employerCreate(input: { name: "Written while the replica waits again" }) { userErrors { code } } }`);
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS + 100));
    // The replica is tried again and answers: it has not replayed the new employer, the primary has.
    const back = await gql(EMPLOYERS, { search: 'while the replica waits again' });
    expect(back.errors).toBeUndefined();
    expect(back.data.employers).toEqual({ totalCount: 0, nodes: [] });
    expect(await pair.primary.sql(`SELECT count(*)::int AS n FROM employer WHERE name = 'Written while the replica waits again'`)).toEqual([{ n: 1 }]);
    const lagging = await ready();
    expect(lagging).toEqual({ status: 200, body: { ready: true, database: 'up', migrations: 'current', replicas: [{ state: 'up', lagSeconds: expect.any(Number) }] } });
  });

  it('reports on /readyz how many seconds the replica is behind while it does not replay, and 0 once it has caught up', async () => {
    const lag = async () => ((await (await fetch(`${server.url}/readyz`)).json()) as { replicas: { state: string; lagSeconds: number | null }[] }).replicas;
    await pair.caughtUp();
    expect(await lag()).toEqual([{ state: 'up', lagSeconds: 0 }]);
    await pair.primary.sql(`INSERT INTO employer (name) VALUES ('Replayed before the pause')`);
    await pair.caughtUp();
    await pair.pauseReplay();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await pair.primary.sql(`INSERT INTO employer (name) VALUES ('Not replayed yet')`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [behind] = await lag();
    expect(behind.state).toBe('up');
    // At least the time since the last replayed write; the statement's own time adds to it.
    expect(behind.lagSeconds).toBeGreaterThanOrEqual(1.9);
    expect(behind.lagSeconds).toBeLessThan(30);
    await pair.resumeReplay();
    expect(await lag()).toEqual([{ state: 'up', lagSeconds: 0 }]);
  });

  it('runs a read again on the primary, with no error to the client, when its replica dies while the read runs', async () => {
    // This API reads through a proxy to the replica, which can hold the replica's answers and then drop everything.
    const proxy = new HoldingProxy(new URL(pair.replica.url));
    const viaProxy = await openDatabase(() => {}, { url: pair.primary.url, replicaUrls: [await proxy.listen()], replicaRetryMs: 60000, migrate: false });
    const proxied = await startServer(viaProxy.db, 0, { countSqlStatements: false, reads: viaProxy.reads });
    try {
      const ask = async (query: string, variables: Record<string, unknown>) => {
        const response = await fetch(`${proxied.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
        });
        return { status: response.status, ...((await response.json()) as { data?: any; errors?: unknown[] }) };
      };
      const EMPLOYERS = `query($search: String!) { employers(first: 5, filter: { search: $search }) { totalCount nodes { name } } }`;
      await pair.caughtUp();
      await pair.pauseReplay();
      await gql(`mutation { employerCreate(input: { name: "Written before the replica dies" }) { userErrors { code } } }`);
      // The replica answers, without the new employer.
      expect((await ask(EMPLOYERS, { search: 'before the replica dies' })).data.employers.totalCount).toBe(0);

      proxy.holding = true;
      const cutOff = ask(EMPLOYERS, { search: 'before the replica dies' });
      const rawCutOff = viaProxy.reads.query(`SELECT pg_is_in_recovery() AS standby`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      proxy.cutAll();
      const answer = await cutOff;
      expect(answer.errors).toBeUndefined();
      expect(answer).toEqual({ status: 200, data: { employers: { totalCount: 1, nodes: [{ name: 'Written before the replica dies' }] } } });
      expect(await rawCutOff).toEqual([{ standby: false }]);
    } finally {
      await proxied.stop();
      await viaProxy.close();
      await proxy.close();
      await pair.resumeReplay();
    }
  });

  it('runs a statement again on the primary when the real replica is stopped while it runs', async () => {
    const slow = database.reads.query(`SELECT (SELECT '' FROM pg_sleep(2))::text AS slept, pg_is_in_recovery() AS standby`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await pair.stopReplica();
    try {
      expect(await slow).toEqual([{ slept: '', standby: false }]);
    } finally {
      await pair.startReplica();
    }
  });
});
