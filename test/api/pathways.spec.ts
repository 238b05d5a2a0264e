import { fromGlobalId, toGlobalId } from '../../api/src/core/ids';
import { Role } from '../../api/src/modules/accounts/user.entity';
import { Institution } from '../../api/src/modules/institutions/institution.entity';
import { Pathway, PathwayStatus } from '../../api/src/modules/pathways/pathway.entity';
import { PartnerRole } from '../../api/src/modules/pathways/pathway-partner.entity';
import { StageRequirement } from '../../api/src/modules/pathways/pathway-stage.entity';
import { startTestApi, TestApi } from '../support/api';
import { gid, makeEmployer, makeInstitution, makeOccupation, makeUser, tokenFor } from '../support/factories';
import { makeCredential } from '../support/factories/credentials';
import {
  addDestination,
  addOffRamp,
  addPartner,
  addToStage,
  makeEndorsement,
  makeOutcomeReport,
  makePathway,
  makeStage,
  setStatus,
} from '../support/factories/pathways';

interface UserErrorShape {
  field: string[] | null;
  code: string;
  message: string;
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const missing = (typeName: string) => toGlobalId(typeName, 999999);

describe('pathways', () => {
  let api: TestApi;
  let college: Institution;

  beforeAll(async () => {
    api = await startTestApi();
    college = await makeInstitution(api.db, { name: 'Pathway College', region: 'Michigan' });
  });
  afterAll(() => api.close());

  /**
   * The current revision of the version an input's record belongs to, as a page that has just
   * read it would send; 0 when the input names nothing there.
   */
  async function currentRevision(input: Record<string, unknown>): Promise<number> {
    const decode = (id: unknown) => (typeof id === 'string' ? fromGlobalId(id) : null);
    const owner = decode(input.pathwayId) ?? decode(input.stageId) ?? decode(input.id);
    if (!owner) return 0;
    const pathwayOf: Record<string, string> = {
      Pathway: `SELECT $1::int AS id`,
      PathwayStage: `SELECT pathway_id AS id FROM pathway_stage WHERE id = $1`,
      StageCredential: `SELECT s.pathway_id AS id FROM stage_credential e JOIN pathway_stage s ON s.id = e.stage_id WHERE e.id = $1`,
      PathwayDestination: `SELECT pathway_id AS id FROM pathway_destination WHERE id = $1`,
      PathwayOffRamp: `SELECT pathway_id AS id FROM pathway_off_ramp WHERE id = $1`,
      PathwayPartner: `SELECT pathway_id AS id FROM pathway_partner WHERE id = $1`,
    };
    if (!(owner.typeName in pathwayOf) || !Number.isSafeInteger(owner.localId)) return 0;
    const rows: { revision: number }[] = await api.db.query(`SELECT revision FROM pathway WHERE id = (${pathwayOf[owner.typeName]})`, [owner.localId]);
    return rows[0]?.revision ?? 0;
  }
  const VERSIONED = /^(pathwayDelete|pathwayStage(Create|Update|Delete)|(stageCredential|pathwayDestination|pathwayOffRamp|pathwayPartner)(Create|Update|Delete))$/;

  /**
   * Runs one mutation by name; `selection` is what to read from its payload beside userErrors.
   * Edits of a version that name no `expectedRevision` are sent with the current one.
   */
  async function mutate(name: string, input: Record<string, unknown>, selection = '', token?: string | null) {
    const inputType = `${upperFirst(name)}Input`;
    const sent = VERSIONED.test(name) && !('expectedRevision' in input) ? { ...input, expectedRevision: await currentRevision(input) } : input;
    const result = await api.gql(
      `mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} userErrors { field code message } } }`,
      { input: sent },
      { token },
    );
    expect(result.errors).toBeUndefined();
    return result.data?.[name];
  }

  const codes = (payload: { userErrors: UserErrorShape[] }) => payload.userErrors.map(({ field, code }) => ({ field, code }));
  const revisionOf = async (pathwayId: number) => (await api.db.getRepository(Pathway).findOneByOrFail({ id: pathwayId })).revision;
  const query = async (document: string, variables: Record<string, unknown>) => {
    const result = await api.gql(document, variables);
    expect(result.errors).toBeUndefined();
    return result.data;
  };

  describe('Pathway', () => {
    const SELECTION = 'pathway { id title description status version revision lineageId reviewDueOn ownerInstitution { name } }';

    it('creates a draft version 1, reads it by node, edits it with the revision it is based on, and deletes it', async () => {
      const created = await mutate('pathwayCreate', { title: 'CNC Operator', ownerInstitutionId: gid(college), reviewDueOn: '2027-01-31' }, SELECTION);
      expect(created).toEqual({
        pathway: {
          id: expect.any(String), title: 'CNC Operator', description: null, status: 'DRAFT', version: 1, revision: 1,
          lineageId: expect.stringMatching(/^[0-9a-f-]{36}$/), reviewDueOn: '2027-01-31', ownerInstitution: { name: 'Pathway College' },
        },
        userErrors: [],
      });
      const { id } = created.pathway;
      expect(await query(`query($id: ID!) { node(id: $id) { id ... on Pathway { title } } }`, { id })).toEqual({ node: { id, title: 'CNC Operator' } });

      const updated = await mutate('pathwayUpdate', { id, expectedRevision: 1, description: 'Machining basics', reviewDueOn: null }, SELECTION);
      expect(updated.pathway).toMatchObject({ title: 'CNC Operator', description: 'Machining basics', reviewDueOn: null, revision: 2 });
      expect((await mutate('pathwayUpdate', { id, expectedRevision: 2, title: 'CNC Operator Pathway' }, SELECTION)).pathway).toMatchObject({ revision: 3 });

      expect(await mutate('pathwayDelete', { id }, 'deletedId')).toEqual({ deletedId: id, userErrors: [] });
      expect(await query(`query($id: ID!) { pathway(id: $id) { id } }`, { id })).toEqual({ pathway: null });
    });

    it('turns bad input into userErrors on the field, writing nothing', async () => {
      const before = await api.db.query('SELECT count(*)::int AS n FROM pathway');
      const invalid = await mutate('pathwayCreate', { title: '', ownerInstitutionId: 'nope' }, 'pathway { id }');
      expect(invalid.pathway).toBeNull();
      expect(codes(invalid).sort((a, b) => a.field![1].localeCompare(b.field![1]))).toEqual([
        { field: ['input', 'ownerInstitutionId'], code: 'INVALID_ID' },
        { field: ['input', 'title'], code: 'REQUIRED' },
      ]);
      expect(codes(await mutate('pathwayCreate', { title: 'Orphan', ownerInstitutionId: missing('Institution') }))).toEqual([
        { field: ['input', 'ownerInstitutionId'], code: 'NOT_FOUND' },
      ]);
      expect(codes(await mutate('pathwayCreate', { title: 'x'.repeat(301), ownerInstitutionId: gid(college) }))).toEqual([{ field: ['input', 'title'], code: 'TOO_LONG' }]);
      expect(codes(await mutate('pathwayUpdate', { id: missing('Pathway'), expectedRevision: 1, title: 'Ghost' }))).toEqual([{ field: ['input', 'id'], code: 'NOT_FOUND' }]);
      expect(codes(await mutate('pathwayDelete', { id: gid(college) }, 'deletedId'))).toEqual([{ field: ['input', 'id'], code: 'INVALID_ID' }]);
      expect(await api.db.query('SELECT count(*)::int AS n FROM pathway')).toEqual(before);
    });

    it('pages through pathways by title, creation and last update, with a total', async () => {
      for (const title of ['Paging C', 'Paging A', 'Paging E', 'Paging B', 'Paging D']) await makePathway(api.db, college.id, { title });
      const LIST = `query($first: Int, $after: String, $orderBy: PathwayOrder) {
        pathways(first: $first, after: $after, filter: { search: "Paging " }, orderBy: $orderBy) {
          totalCount nodes { id title } pageInfo { hasNextPage endCursor }
        }
      }`;
      const titles = (connection: { nodes: { title: string }[] }) => connection.nodes.map((node) => node.title);

      const first = (await query(LIST, { first: 2, orderBy: { field: 'TITLE' } }))?.pathways;
      expect(first.totalCount).toBe(5);
      expect(titles(first)).toEqual(['Paging A', 'Paging B']);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = (await query(LIST, { first: 2, after: first.pageInfo.endCursor, orderBy: { field: 'TITLE' } }))?.pathways;
      expect(titles(second)).toEqual(['Paging C', 'Paging D']);
      const last = (await query(LIST, { first: 2, after: second.pageInfo.endCursor, orderBy: { field: 'TITLE' } }))?.pathways;
      expect({ titles: titles(last), hasNextPage: last.pageInfo.hasNextPage }).toEqual({ titles: ['Paging E'], hasNextPage: false });

      expect(titles((await query(LIST, { orderBy: { field: 'TITLE', direction: 'DESC' } }))?.pathways)).toEqual(['Paging E', 'Paging D', 'Paging C', 'Paging B', 'Paging A']);
      const byCreation = (await query(LIST, { orderBy: { field: 'CREATED_AT' } }))?.pathways;
      expect(titles(byCreation)).toEqual(['Paging C', 'Paging A', 'Paging E', 'Paging B', 'Paging D']);

      const pagingA = byCreation.nodes[1].id;
      await mutate('pathwayUpdate', { id: pagingA, expectedRevision: 1, description: 'touched last' });
      expect(titles((await query(LIST, { first: 1, orderBy: { field: 'UPDATED_AT', direction: 'DESC' } }))?.pathways)).toEqual(['Paging A']);
    });

    it('filters by title, status, owner, destination, partner, region and lineage', async () => {
      const northern = await makeInstitution(api.db, { region: 'Northern Filterland' });
      const draft = await makePathway(api.db, northern.id, { title: 'Welding Basics' });
      const published = await makePathway(api.db, northern.id, { title: 'Welding Advanced', status: PathwayStatus.PUBLISHED });
      const nextVersion = await makePathway(api.db, northern.id, { title: 'Welding Advanced', lineageId: published.lineageId, version: 2 });
      const elsewhere = await makePathway(api.db, college.id, { title: 'Welding Elsewhere' });
      const occupation = await makeOccupation(api.db);
      const employer = await makeEmployer(api.db);
      await addDestination(api.db, published.id, occupation.id);
      await addDestination(api.db, elsewhere.id, occupation.id);
      await addPartner(api.db, draft.id, employer.id, PartnerRole.LEAD);

      const ids = async (filter: Record<string, unknown>) => {
        const data = await query(`query($filter: PathwayFilter) { pathways(filter: $filter, first: 100) { nodes { id } } }`, { filter });
        return data?.pathways.nodes.map((node: { id: string }) => node.id).sort();
      };
      const sorted = (...rows: Pathway[]) => rows.map(gid).sort();
      expect(await ids({ institutionId: gid(northern) })).toEqual(sorted(draft, published, nextVersion));
      expect(await ids({ institutionId: gid(northern), search: 'basics' })).toEqual(sorted(draft));
      expect(await ids({ institutionId: gid(northern), status: 'PUBLISHED' })).toEqual(sorted(published));
      expect(await ids({ region: 'Northern Filterland' })).toEqual(sorted(draft, published, nextVersion));
      expect(await ids({ occupationId: gid(occupation) })).toEqual(sorted(published, elsewhere));
      expect(await ids({ occupationId: gid(occupation), region: 'Michigan' })).toEqual(sorted(elsewhere));
      expect(await ids({ employerId: gid(employer) })).toEqual(sorted(draft));
      expect(await ids({ lineageId: published.lineageId })).toEqual(sorted(published, nextVersion));
      expect(await ids({ search: '100%_off' })).toEqual([]);

      const wrongType = await api.gql(`query { pathways(filter: { occupationId: "${gid(employer)}" }) { totalCount } }`);
      expect(wrongType.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('optimistic concurrency', () => {
    it('refuses a stale edit with CONFLICT naming the current revision, and overwrites nothing', async () => {
      const pathway = await makePathway(api.db, college.id, { title: 'Contested' });
      const id = gid(pathway);
      await mutate('pathwayUpdate', { id, expectedRevision: 1, title: 'First edit' });
      const stale = await mutate('pathwayUpdate', { id, expectedRevision: 1, title: 'Overwrite?' }, 'pathway { id }');
      expect(stale).toEqual({
        pathway: null,
        userErrors: [{ field: ['input', 'expectedRevision'], code: 'CONFLICT', message: expect.stringContaining('revision 2') }],
      });
      expect(await api.db.getRepository(Pathway).findOneByOrFail({ id: pathway.id })).toMatchObject({ title: 'First edit', revision: 2 });

      const staleStage = await mutate('pathwayStageCreate', { pathwayId: id, position: 1, title: 'Late', expectedRevision: 1 });
      expect(codes(staleStage)).toEqual([{ field: ['input', 'expectedRevision'], code: 'CONFLICT' }]);
      expect(await api.db.query('SELECT count(*)::int AS n FROM pathway_stage WHERE pathway_id = $1', [pathway.id])).toEqual([{ n: 0 }]);
    });

    it('requires the revision on every create and delete under a version, and refuses a stale one with CONFLICT, deleting nothing', async () => {
      const pathway = await makePathway(api.db, college.id);
      const stage = await makeStage(api.db, pathway.id, 1);
      const credential = await makeCredential(api.db, college.id);
      const occupation = await makeOccupation(api.db);
      const employer = await makeEmployer(api.db);
      const rows = {
        entry: await addToStage(api.db, stage.id, credential.id),
        destination: await addDestination(api.db, pathway.id, occupation.id),
        offRamp: await addOffRamp(api.db, pathway.id, credential.id, occupation.id),
        partner: await addPartner(api.db, pathway.id, employer.id),
      };
      const pathwayId = gid(pathway);
      const creates: [string, Record<string, unknown>][] = [
        ['pathwayStageCreate', { pathwayId, title: 'Late' }],
        ['stageCredentialCreate', { stageId: gid(stage), credentialId: gid(await makeCredential(api.db, college.id)) }],
        ['pathwayDestinationCreate', { pathwayId, occupationId: gid(await makeOccupation(api.db)) }],
        ['pathwayOffRampCreate', { pathwayId, credentialId: gid(await makeCredential(api.db, college.id)), occupationId: gid(occupation) }],
        ['pathwayPartnerCreate', { pathwayId, employerId: gid(await makeEmployer(api.db)), role: 'CONTRIBUTOR' }],
      ];
      const deletes: [string, Record<string, unknown>][] = [
        ['pathwayDelete', { id: pathwayId }],
        ['pathwayStageDelete', { id: gid(stage) }],
        ['stageCredentialDelete', { id: gid(rows.entry) }],
        ['pathwayDestinationDelete', { id: gid(rows.destination) }],
        ['pathwayOffRampDelete', { id: gid(rows.offRamp) }],
        ['pathwayPartnerDelete', { id: gid(rows.partner) }],
      ];
      // Someone else's edit moves the version on to revision 2.
      await mutate('pathwayUpdate', { id: pathwayId, expectedRevision: 1, title: 'Moved on' });
      const snapshot = async (id: number) => (await api.db.query(
        `SELECT p.revision, (SELECT count(*)::int FROM pathway_stage WHERE pathway_id = p.id) AS stages,
           (SELECT count(*)::int FROM stage_credential e JOIN pathway_stage s ON s.id = e.stage_id WHERE s.pathway_id = p.id) AS entries,
           (SELECT count(*)::int FROM pathway_destination WHERE pathway_id = p.id) AS destinations, (SELECT count(*)::int FROM pathway_off_ramp WHERE pathway_id = p.id) AS off_ramps,
           (SELECT count(*)::int FROM pathway_partner WHERE pathway_id = p.id) AS partners
         FROM pathway p WHERE p.id = $1`, [id]))[0];
      const before = await snapshot(pathway.id);
      for (const [name, input] of [...creates, ...deletes]) {
        const omitted = await api.gql(`mutation($input: ${upperFirst(name)}Input!) { ${name}(input: $input) { userErrors { code } } }`, { input });
        expect({ name, code: omitted.errors?.[0]?.extensions?.code }).toEqual({ name, code: 'BAD_USER_INPUT' });
        expect({ name, errors: codes(await mutate(name, { ...input, expectedRevision: 1 })) }).toEqual({ name, errors: [{ field: ['input', 'expectedRevision'], code: 'CONFLICT' }] });
      }
      expect(await snapshot(pathway.id)).toEqual(before);
      // Sent with the current revision, each goes through and moves the version on.
      for (const [name, input] of [...creates, ...deletes.slice(2)]) {
        const revision = await revisionOf(pathway.id);
        expect({ name, errors: codes(await mutate(name, { ...input, expectedRevision: revision })) }).toEqual({ name, errors: [] });
        expect(await revisionOf(pathway.id)).toBe(revision + 1);
      }
    });

    it('lets exactly one of two concurrent writers with the same revision win', async () => {
      const pathway = await makePathway(api.db, college.id, { title: 'Race' });
      const id = gid(pathway);
      const results = await Promise.all(['Writer A', 'Writer B'].map((title) => mutate('pathwayUpdate', { id, expectedRevision: 1, title }, 'pathway { title }')));
      const winners = results.filter((result) => result.userErrors.length === 0);
      const losers = results.filter((result) => result.userErrors.length > 0);
      expect(winners).toHaveLength(1);
      expect(codes(losers[0])).toEqual([{ field: ['input', 'expectedRevision'], code: 'CONFLICT' }]);
      expect(await api.db.getRepository(Pathway).findOneByOrFail({ id: pathway.id })).toMatchObject({ title: winners[0].pathway.title, revision: 2 });
    });

    it('serialises concurrent stage edits on one version: one wins, the other conflicts', async () => {
      const pathway = await makePathway(api.db, college.id);
      const [first, second] = [await makeStage(api.db, pathway.id, 1), await makeStage(api.db, pathway.id, 2)];
      const results = await Promise.all([
        mutate('pathwayStageUpdate', { id: gid(first), expectedRevision: 1, title: 'Renamed first' }),
        mutate('pathwayStageUpdate', { id: gid(second), expectedRevision: 1, title: 'Renamed second' }),
      ]);
      expect(results.map((result) => result.userErrors.length).sort()).toEqual([0, 1]);
      expect(await revisionOf(pathway.id)).toBe(2);
    });
  });

  describe('frozen versions', () => {
    async function frozenPathway(status: PathwayStatus) {
      const pathway = await makePathway(api.db, college.id, { title: `Frozen ${status}` });
      const stage = await makeStage(api.db, pathway.id, 1);
      const credential = await makeCredential(api.db, college.id);
      const entry = await addToStage(api.db, stage.id, credential.id);
      const occupation = await makeOccupation(api.db);
      const destination = await addDestination(api.db, pathway.id, occupation.id);
      const employer = await makeEmployer(api.db);
      const partner = await addPartner(api.db, pathway.id, employer.id);
      const offRamp = await addOffRamp(api.db, pathway.id, credential.id, occupation.id);
      await setStatus(api.db, pathway.id, status);
      return { pathway, stage, entry, destination, partner, offRamp };
    }

    const snapshot = (pathwayId: number) =>
      api.db.query(
        `SELECT p.revision, p.title,
           (SELECT json_agg(s.title ORDER BY s.id) FROM pathway_stage s WHERE s.pathway_id = p.id) AS stages,
           (SELECT count(*)::int FROM stage_credential e JOIN pathway_stage s ON s.id = e.stage_id WHERE s.pathway_id = p.id) AS entries,
           (SELECT count(*)::int FROM pathway_destination d WHERE d.pathway_id = p.id) AS destinations,
           (SELECT count(*)::int FROM pathway_off_ramp o WHERE o.pathway_id = p.id) AS off_ramps,
           (SELECT json_agg(pp.role) FROM pathway_partner pp WHERE pp.pathway_id = p.id) AS partners
         FROM pathway p WHERE p.id = $1`,
        [pathwayId],
      );

    it.each([PathwayStatus.PUBLISHED, PathwayStatus.RETIRED])('refuses every change to a %s version and its rows with FROZEN', async (status) => {
      const rows = await frozenPathway(status);
      const pathwayId = gid(rows.pathway);
      const before = await snapshot(rows.pathway.id);
      const otherCredential = await makeCredential(api.db, college.id);
      const otherOccupation = await makeOccupation(api.db);
      const otherEmployer = await makeEmployer(api.db);
      const attempts: [string, Record<string, unknown>][] = [
        ['pathwayUpdate', { id: pathwayId, expectedRevision: 1, title: 'Changed' }],
        ['pathwayDelete', { id: pathwayId }],
        ['pathwayStageCreate', { pathwayId, position: 2, title: 'Sneaky' }],
        ['pathwayStageUpdate', { id: gid(rows.stage), expectedRevision: 1, title: 'Sneaky' }],
        ['pathwayStageDelete', { id: gid(rows.stage) }],
        ['pathwayStagesReorder', { pathwayId, expectedRevision: 1, stageIds: [gid(rows.stage)] }],
        ['stageCredentialCreate', { stageId: gid(rows.stage), credentialId: gid(otherCredential) }],
        ['stageCredentialUpdate', { id: gid(rows.entry), position: 5 }],
        ['stageCredentialDelete', { id: gid(rows.entry) }],
        ['pathwayDestinationCreate', { pathwayId, occupationId: gid(otherOccupation) }],
        ['pathwayDestinationDelete', { id: gid(rows.destination) }],
        ['pathwayOffRampCreate', { pathwayId, credentialId: gid(otherCredential), occupationId: gid(otherOccupation) }],
        ['pathwayOffRampUpdate', { id: gid(rows.offRamp), occupationId: gid(otherOccupation) }],
        ['pathwayOffRampDelete', { id: gid(rows.offRamp) }],
        ['pathwayPartnerCreate', { pathwayId, employerId: gid(otherEmployer), role: 'CONTRIBUTOR' }],
        ['pathwayPartnerUpdate', { id: gid(rows.partner), role: 'LEAD' }],
        ['pathwayPartnerDelete', { id: gid(rows.partner) }],
      ];
      for (const [name, input] of attempts) {
        expect({ name, errors: codes(await mutate(name, input)) }).toEqual({ name, errors: [{ field: null, code: 'FROZEN' }] });
      }
      expect(await snapshot(rows.pathway.id)).toEqual(before);
    });

    it('refuses edits of a version under review with INVALID_STATE', async () => {
      const pathway = await makePathway(api.db, college.id, { status: PathwayStatus.IN_REVIEW });
      expect(codes(await mutate('pathwayUpdate', { id: gid(pathway), expectedRevision: 1, title: 'Mid-review' }))).toEqual([{ field: null, code: 'INVALID_STATE' }]);
      expect(codes(await mutate('pathwayStageCreate', { pathwayId: gid(pathway), position: 1, title: 'Mid-review' }))).toEqual([{ field: null, code: 'INVALID_STATE' }]);
    });
  });

  describe('PathwayStage', () => {
    const STAGE = 'pathwayStage { id position title requirement requiredCount minCredits pathway { id revision } }';

    it('creates, updates and deletes stages, each change bumping the version\'s revision', async () => {
      const pathway = await makePathway(api.db, college.id);
      const pathwayId = gid(pathway);
      const created = await mutate('pathwayStageCreate', { pathwayId, position: 1, title: 'Foundations', minCredits: 3.5, expectedRevision: 1 }, STAGE);
      expect(created).toEqual({
        pathwayStage: { id: expect.any(String), position: 1, title: 'Foundations', requirement: 'ALL', requiredCount: null, minCredits: 3.5, pathway: { id: pathwayId, revision: 2 } },
        userErrors: [],
      });
      const stageId = created.pathwayStage.id;
      await addToStage(api.db, Number(Buffer.from(stageId, 'base64url').toString().split(':')[1]), (await makeCredential(api.db, college.id)).id);
      const updated = await mutate('pathwayStageUpdate', { id: stageId, expectedRevision: 2, requirement: 'AT_LEAST', requiredCount: 1, title: 'Pick one' }, STAGE);
      expect(updated.pathwayStage).toMatchObject({ title: 'Pick one', requirement: 'AT_LEAST', requiredCount: 1, pathway: { revision: 3 } });
      expect(await query(`query($id: ID!) { pathway(id: $id) { stages { id title } } }`, { id: pathwayId })).toEqual({ pathway: { stages: [{ id: stageId, title: 'Pick one' }] } });

      expect(await mutate('pathwayStageDelete', { id: stageId }, 'deletedId')).toEqual({ deletedId: stageId, userErrors: [] });
      expect(await revisionOf(pathway.id)).toBe(4);
    });

    it('requires requiredCount for AT_LEAST and refuses it for ALL, on create and update', async () => {
      const pathway = await makePathway(api.db, college.id);
      const pathwayId = gid(pathway);
      const onRequiredCount = (code: string) => [{ field: ['input', 'requiredCount'], code }];
      expect(codes(await mutate('pathwayStageCreate', { pathwayId, position: 1, title: 'Pick', requirement: 'AT_LEAST' }))).toEqual(onRequiredCount('REQUIRED'));
      expect(codes(await mutate('pathwayStageCreate', { pathwayId, position: 1, title: 'All', requirement: 'ALL', requiredCount: 2 }))).toEqual(onRequiredCount('INVALID'));
      expect(codes(await mutate('pathwayStageCreate', { pathwayId, position: 1, title: 'Default is ALL', requiredCount: 2 }))).toEqual(onRequiredCount('INVALID'));
      expect(codes(await mutate('pathwayStageCreate', { pathwayId, position: 1, title: 'Zero', requirement: 'AT_LEAST', requiredCount: 0 }))).toEqual(onRequiredCount('OUT_OF_RANGE'));
      expect(codes(await mutate('pathwayStageCreate', { pathwayId, position: 0, title: 'Zeroth' }))).toEqual([{ field: ['input', 'position'], code: 'OUT_OF_RANGE' }]);
      expect(codes(await mutate('pathwayStageCreate', { pathwayId, position: 1, title: '' }))).toEqual([{ field: ['input', 'title'], code: 'REQUIRED' }]);
      expect(codes(await mutate('pathwayStageCreate', { pathwayId, position: 1, title: 'Negative', minCredits: -1 }))).toEqual([{ field: ['input', 'minCredits'], code: 'OUT_OF_RANGE' }]);
      expect(codes(await mutate('pathwayStageCreate', { pathwayId: missing('Pathway'), position: 1, title: 'Nowhere' }))).toEqual([{ field: ['input', 'pathwayId'], code: 'NOT_FOUND' }]);
      expect(await revisionOf(pathway.id)).toBe(1);

      const all = await makeStage(api.db, pathway.id, 1);
      const atLeast = await makeStage(api.db, pathway.id, 2, { requirement: StageRequirement.AT_LEAST, requiredCount: 2 });
      expect(codes(await mutate('pathwayStageUpdate', { id: gid(all), expectedRevision: 1, requirement: 'AT_LEAST' }))).toEqual(onRequiredCount('REQUIRED'));
      expect(codes(await mutate('pathwayStageUpdate', { id: gid(atLeast), expectedRevision: 1, requirement: 'ALL' }))).toEqual(onRequiredCount('INVALID'));
      expect(codes(await mutate('pathwayStageUpdate', { id: gid(atLeast), expectedRevision: 1, requiredCount: null }))).toEqual(onRequiredCount('REQUIRED'));
      const toAll = await mutate('pathwayStageUpdate', { id: gid(atLeast), expectedRevision: 1, requirement: 'ALL', requiredCount: null }, 'pathwayStage { requirement requiredCount }');
      expect(toAll).toEqual({ pathwayStage: { requirement: 'ALL', requiredCount: null }, userErrors: [] });
    });

    it('refuses a duplicate position with TAKEN, and a stale stage update with CONFLICT', async () => {
      const pathway = await makePathway(api.db, college.id);
      const first = await makeStage(api.db, pathway.id, 1, { title: 'First' });
      await makeStage(api.db, pathway.id, 2);
      expect(codes(await mutate('pathwayStageCreate', { pathwayId: gid(pathway), position: 2, title: 'Clash' }))).toEqual([{ field: ['input', 'position'], code: 'TAKEN' }]);
      expect(codes(await mutate('pathwayStageUpdate', { id: gid(first), expectedRevision: 1, position: 2 }))).toEqual([{ field: ['input', 'position'], code: 'TAKEN' }]);
      expect(await revisionOf(pathway.id)).toBe(1);

      await mutate('pathwayUpdate', { id: gid(pathway), expectedRevision: 1, title: 'Edited elsewhere' });
      const stale = await mutate('pathwayStageUpdate', { id: gid(first), expectedRevision: 1, title: 'Overwrite?' });
      expect(stale.userErrors).toEqual([{ field: ['input', 'expectedRevision'], code: 'CONFLICT', message: expect.stringContaining('revision 2') }]);
      expect(await query(`query($id: ID!) { pathwayStage(id: $id) { title } }`, { id: gid(first) })).toEqual({ pathwayStage: { title: 'First' } });
    });

    it('renumbers the later stages when one is deleted, and adds a stage after the last when no position is given', async () => {
      const pathway = await makePathway(api.db, college.id);
      const [first, second] = [await makeStage(api.db, pathway.id, 1, { title: 'A' }), await makeStage(api.db, pathway.id, 2, { title: 'B' })];
      await makeStage(api.db, pathway.id, 3, { title: 'C' });
      await makeStage(api.db, pathway.id, 4, { title: 'D' });
      const stages = async () => (await query(`query($id: ID!) { pathway(id: $id) { stages { title position } } }`, { id: gid(pathway) }))!.pathway.stages;

      expect(await mutate('pathwayStageDelete', { id: gid(second) }, 'deletedId')).toEqual({ deletedId: gid(second), userErrors: [] });
      expect(await stages()).toEqual([{ title: 'A', position: 1 }, { title: 'C', position: 2 }, { title: 'D', position: 3 }]);

      const added = await mutate('pathwayStageCreate', { pathwayId: gid(pathway), title: 'E', expectedRevision: 2 }, 'pathwayStage { position }');
      expect(added).toEqual({ pathwayStage: { position: 4 }, userErrors: [] });
      await mutate('pathwayStageDelete', { id: gid(first) }, 'deletedId');
      expect(await mutate('pathwayStageCreate', { pathwayId: gid(pathway), title: 'F' }, 'pathwayStage { position }')).toEqual({ pathwayStage: { position: 4 }, userErrors: [] });
      expect(await stages()).toEqual([{ title: 'C', position: 1 }, { title: 'D', position: 2 }, { title: 'E', position: 3 }, { title: 'F', position: 4 }]);
      expect(await revisionOf(pathway.id)).toBe(5);
    });

    it('refuses a position that would leave a gap, on create and update', async () => {
      const pathway = await makePathway(api.db, college.id);
      const only = await makeStage(api.db, pathway.id, 1);
      expect(codes(await mutate('pathwayStageCreate', { pathwayId: gid(pathway), position: 3, title: 'Far' }))).toEqual([{ field: ['input', 'position'], code: 'OUT_OF_RANGE' }]);
      expect(codes(await mutate('pathwayStageUpdate', { id: gid(only), expectedRevision: 1, position: 2 }))).toEqual([{ field: ['input', 'position'], code: 'OUT_OF_RANGE' }]);
      expect(await revisionOf(pathway.id)).toBe(1);
    });

    it('refuses "at least N" when the stage has fewer than N credentials, naming the stage', async () => {
      const pathway = await makePathway(api.db, college.id);
      const stage = await makeStage(api.db, pathway.id, 1, { title: 'Electives' });
      await addToStage(api.db, stage.id, (await makeCredential(api.db, college.id)).id);
      const tooMany = await mutate('pathwayStageUpdate', { id: gid(stage), expectedRevision: 1, requirement: 'AT_LEAST', requiredCount: 3 });
      expect(tooMany.userErrors).toEqual([{ field: ['input', 'requiredCount'], code: 'OUT_OF_RANGE', message: expect.stringContaining('"Electives" has 1 credential') }]);
      expect(await revisionOf(pathway.id)).toBe(1);
      expect(codes(await mutate('pathwayStageUpdate', { id: gid(stage), expectedRevision: 1, requirement: 'AT_LEAST', requiredCount: 1 }))).toEqual([]);
    });

    it('reorders stages 1..n in one transaction, given exactly the pathway\'s stages', async () => {
      const pathway = await makePathway(api.db, college.id);
      const stages = [await makeStage(api.db, pathway.id, 1, { title: 'A' }), await makeStage(api.db, pathway.id, 2, { title: 'B' }), await makeStage(api.db, pathway.id, 3, { title: 'C' })];
      const foreign = await makeStage(api.db, (await makePathway(api.db, college.id)).id, 1);
      const [a, b, c] = stages.map(gid);
      const reorder = (stageIds: string[], expectedRevision = 1) =>
        mutate('pathwayStagesReorder', { pathwayId: gid(pathway), expectedRevision, stageIds }, 'pathway { revision stages { title position } }');
      const onStageIds = (code: string) => [{ field: ['input', 'stageIds'], code }];

      expect(codes(await reorder([c, a]))).toEqual(onStageIds('INVALID'));
      expect(codes(await reorder([c, a, a]))).toEqual(onStageIds('INVALID'));
      expect(codes(await reorder([c, a, b, c]))).toEqual(onStageIds('INVALID'));
      expect(codes(await reorder([c, a, gid(foreign)]))).toEqual(onStageIds('INVALID'));
      expect(codes(await reorder([c, a, gid(pathway)]))).toEqual(onStageIds('INVALID_ID'));
      expect(codes(await reorder([c, a, b], 7))).toEqual([{ field: ['input', 'expectedRevision'], code: 'CONFLICT' }]);
      expect(await revisionOf(pathway.id)).toBe(1);

      expect(await reorder([c, a, b])).toEqual({
        pathway: { revision: 2, stages: [{ title: 'C', position: 1 }, { title: 'A', position: 2 }, { title: 'B', position: 3 }] },
        userErrors: [],
      });
    });
  });

  describe('StageCredential', () => {
    it('places credentials in stages and lists them by entry position, and once each in stage order', async () => {
      const pathway = await makePathway(api.db, college.id);
      const [first, second] = [await makeStage(api.db, pathway.id, 1, { title: 'First' }), await makeStage(api.db, pathway.id, 2, { title: 'Second' })];
      const [a, b, c] = [await makeCredential(api.db, college.id, { title: 'A' }), await makeCredential(api.db, college.id, { title: 'B' }), await makeCredential(api.db, college.id, { title: 'C' })];
      const ENTRY = 'stageCredential { id position stage { title } credential { title } }';

      const placedB = await mutate('stageCredentialCreate', { stageId: gid(first), credentialId: gid(b), position: 2, expectedRevision: 1 }, ENTRY);
      expect(placedB).toEqual({ stageCredential: { id: expect.any(String), position: 2, stage: { title: 'First' }, credential: { title: 'B' } }, userErrors: [] });
      await mutate('stageCredentialCreate', { stageId: gid(first), credentialId: gid(a), position: 1 });
      await mutate('stageCredentialCreate', { stageId: gid(second), credentialId: gid(c), position: 1 });
      await mutate('stageCredentialCreate', { stageId: gid(second), credentialId: gid(a), position: 2 });
      expect(await revisionOf(pathway.id)).toBe(5);

      expect(codes(await mutate('stageCredentialCreate', { stageId: gid(first), credentialId: gid(a) }))).toEqual([{ field: ['input', 'credentialId'], code: 'TAKEN' }]);
      expect(codes(await mutate('stageCredentialCreate', { stageId: gid(first), credentialId: missing('Credential') }))).toEqual([{ field: ['input', 'credentialId'], code: 'NOT_FOUND' }]);
      expect(codes(await mutate('stageCredentialCreate', { stageId: missing('PathwayStage'), credentialId: gid(a) }))).toEqual([{ field: ['input', 'stageId'], code: 'NOT_FOUND' }]);
      expect(codes(await mutate('stageCredentialCreate', { stageId: gid(first), credentialId: gid(c), expectedRevision: 1 }))).toEqual([{ field: ['input', 'expectedRevision'], code: 'CONFLICT' }]);

      const READ = `query($id: ID!) { pathway(id: $id) { credentials { title } stages { title credentials { title } entries { position credential { title } } } } }`;
      expect(await query(READ, { id: gid(pathway) })).toEqual({
        pathway: {
          credentials: [{ title: 'A' }, { title: 'B' }, { title: 'C' }],
          stages: [
            { title: 'First', credentials: [{ title: 'A' }, { title: 'B' }], entries: [{ position: 1, credential: { title: 'A' } }, { position: 2, credential: { title: 'B' } }] },
            { title: 'Second', credentials: [{ title: 'C' }, { title: 'A' }], entries: [{ position: 1, credential: { title: 'C' } }, { position: 2, credential: { title: 'A' } }] },
          ],
        },
      });

      expect((await mutate('stageCredentialUpdate', { id: placedB.stageCredential.id, position: 0 }, 'stageCredential { position }')).stageCredential).toEqual({ position: 0 });
      expect(await mutate('stageCredentialDelete', { id: placedB.stageCredential.id }, 'deletedId')).toEqual({ deletedId: placedB.stageCredential.id, userErrors: [] });
      expect(await query(`query($id: ID!) { pathwayStage(id: $id) { credentials { title } } }`, { id: gid(first) })).toEqual({ pathwayStage: { credentials: [{ title: 'A' }] } });
      expect(await revisionOf(pathway.id)).toBe(7);
    });
  });

  describe('destinations, off-ramps and partners', () => {
    it('links and unlinks destination occupations', async () => {
      const pathway = await makePathway(api.db, college.id);
      const occupation = await makeOccupation(api.db, { socCode: '51-4041', title: 'Machinists' });
      const created = await mutate('pathwayDestinationCreate', { pathwayId: gid(pathway), occupationId: gid(occupation) }, 'pathwayDestination { id pathway { id } occupation { socCode } }');
      expect(created).toEqual({ pathwayDestination: { id: expect.any(String), pathway: { id: gid(pathway) }, occupation: { socCode: '51-4041' } }, userErrors: [] });
      expect(codes(await mutate('pathwayDestinationCreate', { pathwayId: gid(pathway), occupationId: gid(occupation) }))).toEqual([{ field: ['input', 'occupationId'], code: 'TAKEN' }]);
      expect(codes(await mutate('pathwayDestinationCreate', { pathwayId: gid(pathway), occupationId: missing('Occupation') }))).toEqual([{ field: ['input', 'occupationId'], code: 'NOT_FOUND' }]);
      expect(await query(`query($id: ID!) { pathway(id: $id) { destinations { title } destinationLinks { id } } }`, { id: gid(pathway) })).toEqual({
        pathway: { destinations: [{ title: 'Machinists' }], destinationLinks: [{ id: created.pathwayDestination.id }] },
      });
      expect((await mutate('pathwayDestinationDelete', { id: created.pathwayDestination.id }, 'deletedId')).deletedId).toBe(created.pathwayDestination.id);
      expect(await query(`query($id: ID!) { pathway(id: $id) { destinations { title } } }`, { id: gid(pathway) })).toEqual({ pathway: { destinations: [] } });
      expect(await revisionOf(pathway.id)).toBe(3);
    });

    it('creates, re-points and removes off-ramps', async () => {
      const pathway = await makePathway(api.db, college.id);
      const credential = await makeCredential(api.db, college.id, { title: 'Blueprint Reading' });
      const [helper, inspector] = [await makeOccupation(api.db, { title: 'Machinist Helper' }), await makeOccupation(api.db, { title: 'Inspector' })];
      const OFF_RAMP = 'pathwayOffRamp { id pathway { id } credential { title } occupation { title } }';
      const created = await mutate('pathwayOffRampCreate', { pathwayId: gid(pathway), credentialId: gid(credential), occupationId: gid(helper) }, OFF_RAMP);
      expect(created).toEqual({
        pathwayOffRamp: { id: expect.any(String), pathway: { id: gid(pathway) }, credential: { title: 'Blueprint Reading' }, occupation: { title: 'Machinist Helper' } },
        userErrors: [],
      });
      const id = created.pathwayOffRamp.id;
      expect(codes(await mutate('pathwayOffRampCreate', { pathwayId: gid(pathway), credentialId: gid(credential), occupationId: gid(inspector) }))).toEqual([{ field: ['input', 'credentialId'], code: 'TAKEN' }]);
      expect((await mutate('pathwayOffRampUpdate', { id, occupationId: gid(inspector) }, OFF_RAMP)).pathwayOffRamp.occupation).toEqual({ title: 'Inspector' });
      expect(await query(`query($id: ID!) { pathway(id: $id) { offRamps { occupation { title } } } }`, { id: gid(pathway) })).toEqual({ pathway: { offRamps: [{ occupation: { title: 'Inspector' } }] } });
      expect((await mutate('pathwayOffRampDelete', { id }, 'deletedId')).deletedId).toBe(id);
      expect(await revisionOf(pathway.id)).toBe(4);
    });

    it('adds partners with a role, changes the role and removes them', async () => {
      const pathway = await makePathway(api.db, college.id);
      const employer = await makeEmployer(api.db, { name: 'Precision Parts Co' });
      const PARTNER = 'pathwayPartner { id role pathway { id } employer { name } }';
      const created = await mutate('pathwayPartnerCreate', { pathwayId: gid(pathway), employerId: gid(employer), role: 'LEAD' }, PARTNER);
      expect(created).toEqual({ pathwayPartner: { id: expect.any(String), role: 'LEAD', pathway: { id: gid(pathway) }, employer: { name: 'Precision Parts Co' } }, userErrors: [] });
      const id = created.pathwayPartner.id;
      expect(codes(await mutate('pathwayPartnerCreate', { pathwayId: gid(pathway), employerId: gid(employer), role: 'VALIDATOR' }))).toEqual([{ field: ['input', 'employerId'], code: 'TAKEN' }]);
      expect(codes(await mutate('pathwayPartnerCreate', { pathwayId: gid(pathway), employerId: missing('Employer'), role: 'VALIDATOR' }))).toEqual([{ field: ['input', 'employerId'], code: 'NOT_FOUND' }]);
      expect((await mutate('pathwayPartnerUpdate', { id, role: 'VALIDATOR' }, PARTNER)).pathwayPartner.role).toBe('VALIDATOR');
      expect(await query(`query($id: ID!) { pathway(id: $id) { partners { role employer { name } } } }`, { id: gid(pathway) })).toEqual({
        pathway: { partners: [{ role: 'VALIDATOR', employer: { name: 'Precision Parts Co' } }] },
      });
      expect((await mutate('pathwayPartnerDelete', { id }, 'deletedId')).deletedId).toBe(id);
      expect(await revisionOf(pathway.id)).toBe(4);
    });
  });

  describe('Endorsement', () => {
    const ENDORSEMENT = 'endorsement { id statement commitment signatoryName signatoryTitle endorsedOn expiresOn current pathway { id } employer { id } }';
    const endorse = (pathway: Pathway, employerId: string, extra: Record<string, unknown> = {}, token?: string) =>
      mutate('endorsementCreate', { pathwayId: gid(pathway), employerId, statement: 'We will interview graduates', signatoryName: 'Dana Reyes', ...extra }, ENDORSEMENT, token);

    it('endorses only versions in review, approved or published, without touching the revision', async () => {
      const employer = await makeEmployer(api.db);
      for (const status of [PathwayStatus.DRAFT, PathwayStatus.CHANGES_REQUESTED, PathwayStatus.RETIRED]) {
        const pathway = await makePathway(api.db, college.id, { status });
        expect(codes(await endorse(pathway, gid(employer)))).toEqual([{ field: ['input', 'pathwayId'], code: 'INVALID_STATE' }]);
      }
      for (const status of [PathwayStatus.IN_REVIEW, PathwayStatus.APPROVED, PathwayStatus.PUBLISHED]) {
        const pathway = await makePathway(api.db, college.id, { status });
        const created = await endorse(pathway, gid(employer), { commitment: 'INTERVIEW_GUARANTEE', signatoryTitle: 'Plant Manager', endorsedOn: '2026-01-15', expiresOn: '2099-01-15' });
        expect(created).toEqual({
          endorsement: {
            id: expect.any(String), statement: 'We will interview graduates', commitment: 'INTERVIEW_GUARANTEE', signatoryName: 'Dana Reyes', signatoryTitle: 'Plant Manager',
            endorsedOn: '2026-01-15', expiresOn: '2099-01-15', current: true, pathway: { id: gid(pathway) }, employer: { id: gid(employer) },
          },
          userErrors: [],
        });
        expect(await revisionOf(pathway.id)).toBe(1);
      }
    });

    it('refuses an expiry before the endorsement, updates, tells current from expired or revoked, and deletes', async () => {
      const pathway = await makePathway(api.db, college.id, { status: PathwayStatus.PUBLISHED });
      const employer = await makeEmployer(api.db);
      expect(codes(await endorse(pathway, gid(employer), { endorsedOn: '2026-03-01', expiresOn: '2026-02-28' }))).toEqual([{ field: ['input', 'expiresOn'], code: 'OUT_OF_RANGE' }]);
      expect(codes(await endorse(pathway, gid(employer), { statement: '' }))).toEqual([{ field: ['input', 'statement'], code: 'REQUIRED' }]);
      expect(codes(await endorse(pathway, missing('Employer')))).toEqual([{ field: ['input', 'employerId'], code: 'NOT_FOUND' }]);

      const created = await endorse(pathway, gid(employer));
      expect(created.endorsement).toMatchObject({ endorsedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), expiresOn: null, current: true });
      const id = created.endorsement.id;
      const expired = await mutate('endorsementUpdate', { id, statement: 'Renewed wording', endorsedOn: '2020-01-01', expiresOn: '2021-01-01' }, ENDORSEMENT);
      expect(expired.endorsement).toMatchObject({ statement: 'Renewed wording', current: false });
      expect(codes(await mutate('endorsementUpdate', { id, expiresOn: '2019-12-31' }))).toEqual([{ field: ['input', 'expiresOn'], code: 'OUT_OF_RANGE' }]);

      const revoked = await makeEndorsement(api.db, pathway.id, employer.id, { endorsedOn: '2026-02-01', revokedAt: new Date() });
      const newer = await makeEndorsement(api.db, pathway.id, employer.id, { endorsedOn: '2026-04-01' });
      expect(await query(`query($id: ID!) { pathway(id: $id) { endorsements { id current } } }`, { id: gid(pathway) })).toEqual({
        pathway: { endorsements: [{ id: gid(newer), current: true }, { id: gid(revoked), current: false }, { id, current: false }] },
      });
      expect((await mutate('endorsementDelete', { id }, 'deletedId')).deletedId).toBe(id);
    });

    it('lets an employer partner endorse only for its own employer', async () => {
      const pathway = await makePathway(api.db, college.id);
      const employer = await makeEmployer(api.db);
      await addPartner(api.db, pathway.id, employer.id, PartnerRole.VALIDATOR);
      await setStatus(api.db, pathway.id, PathwayStatus.IN_REVIEW);
      const partner = await makeUser(api.db, Role.EMPLOYER_PARTNER, { employerId: employer.id });
      const token = await tokenFor(api, partner.email);
      expect((await endorse(pathway, gid(employer), {}, token)).userErrors).toEqual([]);
      const other = await makeEmployer(api.db);
      const refused = await api.gql(
        `mutation($input: EndorsementCreateInput!) { endorsementCreate(input: $input) { userErrors { code } } }`,
        { input: { pathwayId: gid(pathway), employerId: gid(other), statement: 'Not ours', signatoryName: 'Someone' } },
        { token },
      );
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('lets an employer endorse only the versions it partners on: another college\'s published pathway is refused', async () => {
      const otherCollege = await makeInstitution(api.db);
      const published = await makePathway(api.db, otherCollege.id, { status: PathwayStatus.PUBLISHED });
      const employer = await makeEmployer(api.db);
      const token = await tokenFor(api, (await makeUser(api.db, Role.EMPLOYER_PARTNER, { employerId: employer.id })).email);
      const uninvited = await api.gql(
        `mutation($input: EndorsementCreateInput!) { endorsementCreate(input: $input) { userErrors { code } } }`,
        { input: { pathwayId: gid(published), employerId: gid(employer), statement: 'We vouch for it', signatoryName: 'Someone' } },
        { token },
      );
      expect(uninvited.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await api.db.query(`SELECT id FROM endorsement WHERE pathway_id = $1`, [published.id])).toEqual([]);
      await addPartner(api.db, published.id, employer.id, PartnerRole.CONTRIBUTOR);
      expect((await endorse(published, gid(employer), {}, token)).userErrors).toEqual([]);
    });

    it('lets the owning college hide an endorsement from the public with a reason, and show it again', async () => {
      const owner = await makeInstitution(api.db);
      const pathway = await makePathway(api.db, owner.id, { status: PathwayStatus.PUBLISHED });
      const employer = await makeEmployer(api.db);
      const shown = await makeEndorsement(api.db, pathway.id, employer.id, { endorsedOn: '2026-04-01' });
      const endorsement = await makeEndorsement(api.db, pathway.id, employer.id, { endorsedOn: '2026-03-01' });
      const ownerStaff = await tokenFor(api, (await makeUser(api.db, Role.INSTITUTION_STAFF, { institutionId: owner.id })).email);
      const otherStaff = await tokenFor(api, (await makeUser(api.db, Role.INSTITUTION_STAFF, { institutionId: college.id })).email);
      const endorser = await tokenFor(api, (await makeUser(api.db, Role.EMPLOYER_PARTNER, { employerId: employer.id })).email);
      const HIDE = `mutation($input: EndorsementHideInput!) { endorsementHide(input: $input) { endorsement { id hiddenAt hiddenReason } userErrors { field code } } }`;
      const UNHIDE = `mutation($input: EndorsementUnhideInput!) { endorsementUnhide(input: $input) { endorsement { id hiddenAt } userErrors { code } } }`;
      const seen = async (token: string | null) => {
        const result = await api.gql(`query($id: ID!) { pathway(id: $id) { endorsements { id } } } `, { id: gid(pathway) }, { token });
        const listed = result.data?.pathway.endorsements.map((e: { id: string }) => e.id);
        const direct = (await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: gid(endorsement) }, { token })).data?.node?.id ?? null;
        return { listed, direct };
      };
      const both = { listed: [gid(shown), gid(endorsement)], direct: gid(endorsement) };
      const onlyShown = { listed: [gid(shown)], direct: null };

      for (const token of [null, otherStaff, endorser]) {
        expect((await api.gql(HIDE, { input: { id: gid(endorsement), reason: 'Not a partner of ours' } }, { token })).errors?.[0].extensions?.code).toBe(token ? 'FORBIDDEN' : 'UNAUTHENTICATED');
      }
      expect((await api.gql(HIDE, { input: { id: gid(endorsement), reason: '  ' } }, { token: ownerStaff })).data?.endorsementHide.userErrors).toEqual([{ field: ['input', 'reason'], code: 'REQUIRED' }]);
      const hidden = await api.gql(HIDE, { input: { id: gid(endorsement), reason: 'Not a partner of ours' } }, { token: ownerStaff });
      expect(hidden.data?.endorsementHide).toEqual({ endorsement: { id: gid(endorsement), hiddenAt: expect.any(String), hiddenReason: 'Not a partner of ours' }, userErrors: [] });

      expect(await seen(null)).toEqual(onlyShown);
      expect(await seen(otherStaff)).toEqual(onlyShown);
      expect(await seen(ownerStaff)).toEqual(both);
      expect(await seen(endorser)).toEqual(both);
      expect(await seen(api.adminToken)).toEqual(both);
      const byEmployer = await api.gql(`query($id: ID!) { employer(id: $id) { endorsements { id } } }`, { id: gid(employer) }, { token: null });
      expect(byEmployer.data?.employer.endorsements).toEqual([{ id: gid(shown) }]);
      // The endorser cannot show it again by editing it.
      expect((await api.gql(UNHIDE, { input: { id: gid(endorsement) } }, { token: endorser })).errors?.[0].extensions?.code).toBe('FORBIDDEN');

      const unhidden = await api.gql(UNHIDE, { input: { id: gid(endorsement) } }, { token: ownerStaff });
      expect(unhidden.data?.endorsementUnhide).toEqual({ endorsement: { id: gid(endorsement), hiddenAt: null }, userErrors: [] });
      expect(await seen(null)).toEqual(both);
    });
  });

  describe('OutcomeReport', () => {
    const REPORT = 'outcomeReport { id cohort enrolled completed placed completionRate placementRate medianWageBefore medianWageAfter suppressed }';

    it('creates, reads by node, updates and deletes reports, checking the counts and wages', async () => {
      const pathway = await makePathway(api.db, college.id, { status: PathwayStatus.PUBLISHED });
      const pathwayId = gid(pathway);
      const created = await mutate('outcomeReportCreate', { pathwayId, cohort: '2024', enrolled: 40, completed: 30, placed: 21, medianWageBefore: 31000, medianWageAfter: 47000.5 }, REPORT);
      expect(created).toEqual({
        outcomeReport: {
          id: expect.any(String), cohort: '2024', enrolled: 40, completed: 30, placed: 21, completionRate: 0.75, placementRate: 0.7,
          medianWageBefore: 31000, medianWageAfter: 47000.5, suppressed: false,
        },
        userErrors: [],
      });
      const { id } = created.outcomeReport;
      expect(Buffer.from(id, 'base64url').toString()).toMatch(/^OutcomeReport:\d+$/);
      expect(await query(`query($id: ID!) { node(id: $id) { __typename id ... on OutcomeReport { cohort } } }`, { id })).toEqual({
        node: { __typename: 'OutcomeReport', id, cohort: '2024' },
      });

      const onField = (field: string, code: string) => [{ field: ['input', field], code }];
      const create = (values: Record<string, unknown>) => mutate('outcomeReportCreate', { pathwayId, cohort: '2025', enrolled: 20, completed: 10, placed: 5, ...values });
      expect(codes(await create({ completed: 21 }))).toEqual(onField('completed', 'OUT_OF_RANGE'));
      expect(codes(await create({ placed: 11 }))).toEqual(onField('placed', 'OUT_OF_RANGE'));
      expect(codes(await create({ enrolled: -1, completed: 0, placed: 0 }))).toEqual(onField('enrolled', 'OUT_OF_RANGE'));
      expect(codes(await create({ medianWageBefore: -1 }))).toEqual(onField('medianWageBefore', 'OUT_OF_RANGE'));
      expect(codes(await create({ medianWageAfter: -0.01 }))).toEqual(onField('medianWageAfter', 'OUT_OF_RANGE'));
      expect(codes(await create({ cohort: '2024' }))).toEqual(onField('cohort', 'TAKEN'));
      expect(codes(await create({ pathwayId: missing('Pathway') }))).toEqual(onField('pathwayId', 'NOT_FOUND'));
      expect(codes(await mutate('outcomeReportUpdate', { id, enrolled: 29 }))).toEqual(onField('completed', 'OUT_OF_RANGE'));

      const updated = await mutate('outcomeReportUpdate', { id, cohort: '2024 fall', enrolled: 50, medianWageAfter: null }, REPORT);
      expect(updated.outcomeReport).toMatchObject({ cohort: '2024 fall', enrolled: 50, completionRate: 0.6, medianWageAfter: null });
      expect(await mutate('outcomeReportDelete', { id }, 'deletedId')).toEqual({ deletedId: id, userErrors: [] });
      expect(await api.db.query('SELECT count(*)::int AS n FROM outcome_report WHERE pathway_id = $1', [pathway.id])).toEqual([{ n: 0 }]);
    });

    it('suppresses counts under 10, and the rates and wages computed from them, outside the owning institution', async () => {
      const pathway = await makePathway(api.db, college.id, { status: PathwayStatus.PUBLISHED });
      await makeOutcomeReport(api.db, pathway.id, { cohort: '2023', enrolled: 40, completed: 30, placed: 21, medianWageBefore: 31000, medianWageAfter: 47000 });
      await makeOutcomeReport(api.db, pathway.id, { cohort: '2024', enrolled: 12, completed: 9, placed: 6, medianWageBefore: 30000, medianWageAfter: 45000 });
      await makeOutcomeReport(api.db, pathway.id, { cohort: '2025', enrolled: 8, completed: 8, placed: 8, medianWageBefore: 29000, medianWageAfter: 44000 });
      const QUERY = `query($id: ID!) { pathway(id: $id) { outcomes { cohort enrolled completed placed completionRate placementRate medianWageBefore medianWageAfter suppressed } } }`;

      const publicView = await api.gql(QUERY, { id: gid(pathway) }, { token: null });
      expect(publicView.errors).toBeUndefined();
      expect(publicView.data?.pathway.outcomes).toEqual([
        { cohort: '2023', enrolled: 40, completed: 30, placed: 21, completionRate: 0.75, placementRate: 0.7, medianWageBefore: 31000, medianWageAfter: 47000, suppressed: false },
        { cohort: '2024', enrolled: 12, completed: null, placed: null, completionRate: null, placementRate: null, medianWageBefore: null, medianWageAfter: null, suppressed: true },
        { cohort: '2025', enrolled: null, completed: null, placed: null, completionRate: null, placementRate: null, medianWageBefore: null, medianWageAfter: null, suppressed: true },
      ]);

      const staff = await makeUser(api.db, Role.INSTITUTION_STAFF, { institutionId: college.id });
      const ownView = await api.gql(QUERY, { id: gid(pathway) }, { token: await tokenFor(api, staff.email) });
      expect(ownView.data?.pathway.outcomes[1]).toEqual({
        cohort: '2024', enrolled: 12, completed: 9, placed: 6, completionRate: 0.75, placementRate: 0.6667, medianWageBefore: 30000, medianWageAfter: 45000, suppressed: false,
      });

      const otherCollege = await makeInstitution(api.db);
      const outsider = await makeUser(api.db, Role.INSTITUTION_STAFF, { institutionId: otherCollege.id });
      const outsiderView = await api.gql(QUERY, { id: gid(pathway) }, { token: await tokenFor(api, outsider.email) });
      expect(outsiderView.data?.pathway.outcomes[1]).toMatchObject({ completed: null, suppressed: true });
    });
  });
});
