import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { countStatements, StatementCounter } from '../../api/src/core/sql-counter';
import { Pathway, PathwayStatus } from '../../api/src/modules/pathways/pathway.entity';
import { closePublishedVersionCache, publishedVersionCache, PublishedVersionCache } from '../../api/src/modules/pathways/pathway.cache';
import { startTestApi, TestApi } from '../support/api';
import { gid, makeEmployer, makeInstitution, makeOccupation } from '../support/factories';
import { makePublishedCredential } from '../support/factories/credentials';
import { addDestination, addOffRamp, addPartner, addToStage, makeEndorsement, makePathway, makeStage, setStatus } from '../support/factories/pathways';
import { PartnerRole } from '../../api/src/modules/pathways/pathway-partner.entity';

const REDIS_URL = 'redis://127.0.0.1:6379';
const redisReachable =
  spawnSync(process.execPath, ['-e', `require('net').connect(6379, '127.0.0.1').on('connect', () => process.exit(0)).on('error', () => process.exit(1))`], { timeout: 3000 }).status === 0;
if (!redisReachable) console.warn(`Redis is not reachable at ${REDIS_URL}: the shared pathway cache test is skipped`);
const withRedis = redisReachable ? it : it.skip;

const PAGE = `query($id: ID!) { pathway(id: $id) { id status version title
  destinations { title } partners { role employer { name } } offRamps { credential { title } occupation { title } }
  stages { position title credentials { title } } } }`;
const PUBLISH = `mutation($id: ID!) { pathwayPublish(input: { id: $id }) { pathway { id status } userErrors { code message } } }`;
const REVISE = `mutation($id: ID!) { pathwayStartRevision(input: { id: $id }) { pathway { id } userErrors { code } } }`;

const localId = (globalId: string) => Number(Buffer.from(globalId, 'base64url').toString().split(':')[1]);

describe('published pathway versions are cached until the next publish', () => {
  let api: TestApi;
  let institutionId: number;
  let employerId: number;
  let occupationId: number;

  /** A version ready to publish: two stages of published, assessed credentials, a partner, a destination, an endorsement. */
  async function approvedVersion(title: string): Promise<Pathway> {
    const pathway = await makePathway(api.db, institutionId, { title });
    for (const position of [1, 2]) {
      const stage = await makeStage(api.db, pathway.id, position);
      const credential = await makePublishedCredential(api.db, institutionId, { title: `${title} credential ${position}` });
      await addToStage(api.db, stage.id, credential.id);
      if (position === 1) await addOffRamp(api.db, pathway.id, credential.id, occupationId);
    }
    await addDestination(api.db, pathway.id, occupationId);
    await addPartner(api.db, pathway.id, employerId, PartnerRole.LEAD);
    await makeEndorsement(api.db, pathway.id, employerId);
    await setStatus(api.db, pathway.id, PathwayStatus.APPROVED);
    return pathway;
  }

  async function publish(pathwayId: string) {
    const result = await api.gql(PUBLISH, { id: pathwayId });
    expect(result.data?.pathwayPublish).toEqual({ pathway: { id: pathwayId, status: 'PUBLISHED' }, userErrors: [] });
  }

  const read = (id: string) => api.gql(PAGE, { id }, { token: null });

  beforeAll(async () => {
    await closePublishedVersionCache();
    api = await startTestApi();
    institutionId = (await makeInstitution(api.db)).id;
    employerId = (await makeEmployer(api.db)).id;
    occupationId = (await makeOccupation(api.db)).id;
  });
  afterAll(async () => {
    await closePublishedVersionCache();
    await api.close();
  });

  it('serves a published version the second time with fewer statements and the same answer', async () => {
    const id = gid(await approvedVersion('Twice read'));
    await publish(id);
    const first = await read(id);
    const second = await read(id);
    expect(first.data?.pathway.status).toBe('PUBLISHED');
    expect(first.data?.pathway.stages).toHaveLength(2);
    expect(second.data).toEqual(first.data);
    expect(second.statements).toBeLessThan(first.statements);
    // Only the version row itself: it says whether the version is still published.
    expect(second.statements).toBe(1);
  });

  it('an edit of a credential, occupation or employer a cached page shows is seen without a publish', async () => {
    const pathway = await approvedVersion('Edited references');
    const id = gid(pathway);
    await publish(id);
    await read(id);
    expect((await read(id)).statements).toBe(1);
    const [entry] = await api.db.query(
      `SELECT sc.credential_id AS id FROM stage_credential sc JOIN pathway_stage s ON s.id = sc.stage_id WHERE s.pathway_id = $1 AND s.position = 1`,
      [pathway.id],
    );
    await api.db.query(`UPDATE credential SET title = 'Renamed credential' WHERE id = $1`, [entry.id]);
    await api.db.query(`UPDATE employer SET name = 'Renamed employer' WHERE id = $1`, [employerId]);
    // PostgreSQL tells the process on commit; the page shows the new names once it has heard.
    const deadline = Date.now() + 5000;
    let page = (await read(id)).data?.pathway;
    while (page.stages[0].credentials[0].title !== 'Renamed credential' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      page = (await read(id)).data?.pathway;
    }
    expect(page.stages[0].credentials[0].title).toBe('Renamed credential');
    expect(page.offRamps[0].credential.title).toBe('Renamed credential');
    expect(page.partners[0].employer.name).toBe('Renamed employer');
  });

  it('never caches drafts: every read of a draft goes to the database', async () => {
    const draft = await makePathway(api.db, institutionId, { title: 'Draft only' });
    const stage = await makeStage(api.db, draft.id, 1);
    await addToStage(api.db, stage.id, (await makePublishedCredential(api.db, institutionId)).id);
    const sizeBefore = publishedVersionCache()!.size;
    await api.forgetCaches();
    const first = await api.gql(PAGE, { id: gid(draft) });
    const second = await api.gql(PAGE, { id: gid(draft) });
    const third = await api.gql(PAGE, { id: gid(draft) });
    expect(second.data).toEqual(first.data);
    expect(third.data).toEqual(first.data);
    // The one credential it shows is a reference row, shared once read; the draft's own parts are read every time.
    expect(second.statements).toBe(first.statements - 1);
    expect(third.statements).toBe(second.statements);
    expect(publishedVersionCache()!.size).toBe(sizeBefore);
  });

  it('a new publish shows the new version at once and drops what was cached', async () => {
    const otherId = gid(await approvedVersion('Bystander'));
    await publish(otherId);
    await read(otherId);
    const cachedRead = await read(otherId);

    const v1 = gid(await approvedVersion('Revised'));
    await publish(v1);
    await read(v1);
    const revision = await api.gql(REVISE, { id: v1 });
    const v2 = revision.data?.pathwayStartRevision.pathway.id as string;
    // The draft gains a third stage, then goes through approval and is published.
    const stage = await makeStage(api.db, localId(v2), 3, { title: 'Capstone' });
    await addToStage(api.db, stage.id, (await makePublishedCredential(api.db, institutionId, { title: 'Capstone credential' })).id);
    await makeEndorsement(api.db, localId(v2), employerId);
    await setStatus(api.db, localId(v2), PathwayStatus.APPROVED);
    await publish(v2);

    const current = (await api.gql(PAGE, { id: v1 })).data?.pathway;
    expect(current.status).toBe('RETIRED');
    const published = await read(v2);
    expect(published.data?.pathway).toMatchObject({ status: 'PUBLISHED', version: 2 });
    expect(published.data?.pathway.stages.map((s: { title: string }) => s.title)).toEqual(['Stage 1', 'Stage 2', 'Capstone']);
    // The publish dropped the bystander's parts too: its next read loads them again.
    const afterPublish = await read(otherId);
    expect(afterPublish.data).toEqual(cachedRead.data);
    expect(afterPublish.statements).toBeGreaterThan(cachedRead.statements);
  });

  withRedis('two processes share versions through Redis and a publish in one empties the other', async () => {
    const prefix = `test:pathway-versions:${randomUUID()}`;
    const clients = [new Redis(REDIS_URL), new Redis(REDIS_URL)];
    const [one, two] = clients.map((client) => new PublishedVersionCache(client, 100, prefix));
    const pathwayId = localId(gid(await approvedVersion('Shared')));
    await setStatus(api.db, pathwayId, PathwayStatus.PUBLISHED);
    const statementsOf = async (cache: PublishedVersionCache) => {
      const counter: StatementCounter = { count: 0 };
      const [parts] = await countStatements(counter, () => cache.getMany(api.db, [pathwayId]));
      return { parts, statements: counter.count };
    };
    try {
      const loaded = await statementsOf(one);
      expect(loaded.statements).toBeGreaterThan(0);
      expect(loaded.parts.stages.map((s) => s.position)).toEqual([1, 2]);

      const shared = await statementsOf(two);
      expect(shared.statements).toBe(0);
      expect(shared.parts).toEqual(loaded.parts);
      expect(two.size).toBe(1);

      await one.invalidate();
      const deadline = Date.now() + 5000;
      while (two.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(two.size).toBe(0);
      expect((await statementsOf(two)).statements).toBeGreaterThan(0);
      expect((await statementsOf(one)).statements).toBe(0);
    } finally {
      await Promise.all([one.close(), two.close(), ...clients.map((client) => client.quit())]);
    }
  });
});
