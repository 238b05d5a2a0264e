import { DataSource } from 'typeorm';
import { createDataSource } from '../../api/src/core/database';
import { Role } from '../../api/src/modules/accounts/user.entity';
import { Pathway, PathwayStatus } from '../../api/src/modules/pathways/pathway.entity';
import { PartnerRole, PathwayPartner } from '../../api/src/modules/pathways/pathway-partner.entity';
import { RunningServer, startServer } from '../../api/src/server';
import { createTestDatabase, TestDatabase } from '../support/db';
import { gid, insert, makeEmployer, makeInstitution, makeUser } from '../support/factories';
import { Answer, post } from './client';

const WRITERS = 50;
const POOL_SIZE = 10;

const COMMENT = `mutation($input: PathwayCommentAddInput!) { pathwayCommentAdd(input: $input) { comment { id body pathway { id status } } userErrors { code message } } }`;
const READ = `query($id: ID!) { node(id: $id) { ... on Pathway { id title status } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`;

const codes = (answers: Answer[]) => answers.flatMap((answer) => (answer.body.errors ?? []).map((error) => String(error.extensions?.code)));

/**
 * Writers of one pathway queue on its row lock, each holding a pool connection while it waits.
 * Every statement of a mutation, its permission checks' included, must run on the connection of
 * its transaction: one that asked the pool for another while holding the lock would wait for the
 * writers queued behind it, and everyone would wait for the pool (DATABASE_BUSY).
 */
describe('many writers of one pathway', () => {
  let database: TestDatabase;
  let db: DataSource;
  let server: RunningServer;
  let pathwayId: string;
  let partnerToken: string;
  let staffToken: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDataSource({ url: database.url, poolSize: POOL_SIZE });
    await db.initialize();
    const college = await makeInstitution(db);
    const employer = await makeEmployer(db);
    const pathway = await insert(db, Pathway, { title: 'Contended pathway', ownerInstitutionId: college.id, status: PathwayStatus.DRAFT });
    await insert(db, PathwayPartner, { pathwayId: pathway.id, employerId: employer.id, role: PartnerRole.VALIDATOR });
    pathwayId = gid(pathway);
    const partner = await makeUser(db, Role.EMPLOYER_PARTNER, { employerId: employer.id });
    const staff = await makeUser(db, Role.INSTITUTION_STAFF, { institutionId: college.id });
    server = await startServer(db, 0, { countSqlStatements: false, rateLimits: { pointsPerViewer: 0, pointsPerAddress: 0 } });
    const login = async (email: string) => (await post(server.url, LOGIN, { input: { email, password: 'correct horse battery' } })).body.data!.login.token as string;
    partnerToken = await login(partner.email);
    staffToken = await login(staff.email);
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await db?.destroy();
    await database?.drop();
  });

  it.each([
    ['an employer partner', () => partnerToken],
    ['the owning college', () => staffToken],
  ])(`${WRITERS} concurrent comments by %s on one pathway all succeed with a pool of ${POOL_SIZE}`, async (_who, token) => {
    const before = Number((await db.query(`SELECT count(*) AS n FROM pathway_comment`))[0].n);
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: WRITERS }, (_, index) =>
        post(server.url, COMMENT, { input: { pathwayId, kind: 'COMMENT', body: `Comment ${index}` } }, { token: token() }),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    expect(codes(answers)).toEqual([]);
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    expect(answers.flatMap((answer) => answer.body.data?.pathwayCommentAdd.userErrors ?? [])).toEqual([]);
    expect(Number((await db.query(`SELECT count(*) AS n FROM pathway_comment`))[0].n) - before).toBe(WRITERS);
    // Each write is a few milliseconds; queued behind one another they finish in well under the pool wait.
    expect(seconds).toBeLessThan(20);
  }, 60_000);

  it('readers are answered while the writers queue on the pathway', async () => {
    const writes = Array.from({ length: WRITERS }, (_, index) =>
      post(server.url, COMMENT, { input: { pathwayId, kind: 'COMMENT', body: `Busy ${index}` } }, { token: partnerToken }),
    );
    const reads = Array.from({ length: 20 }, () => post(server.url, READ, { id: pathwayId }, { token: staffToken }));
    const [written, read] = await Promise.all([Promise.all(writes), Promise.all(reads)]);
    expect(codes([...written, ...read])).toEqual([]);
    expect(read.map((answer) => answer.body.data?.node?.title)).toEqual(read.map(() => 'Contended pathway'));
  }, 60_000);

  it('a mutation and its permission checks need one connection: a partner comments through a pool of one', async () => {
    const single = createDataSource({ url: database.url, poolSize: 1, poolWaitTimeoutMs: 1000 });
    await single.initialize();
    const lone = await startServer(single, 0, { countSqlStatements: false, rateLimits: { pointsPerViewer: 0, pointsPerAddress: 0 } });
    try {
      const answer = await post(lone.url, COMMENT, { input: { pathwayId, kind: 'COMMENT', body: 'Alone' } }, { token: partnerToken });
      expect(codes([answer])).toEqual([]);
      expect(answer.body.data?.pathwayCommentAdd).toMatchObject({ comment: { body: 'Alone' }, userErrors: [] });
    } finally {
      await lone.stop();
      await single.destroy();
    }
  }, 60_000);
});
