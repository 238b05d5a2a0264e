import { Role } from '../../api/src/modules/accounts/user.entity';
import { OutcomeReport } from '../../api/src/modules/outcomes/outcome-report.entity';
import { Pathway, PathwayStatus } from '../../api/src/modules/pathways/pathway.entity';
import { startTestApi, TestApi } from '../support/api';
import { gid, insert, makeEmployer, makeInstitution, makeOccupation, makeUser, tokenFor } from '../support/factories';
import { makeCredential } from '../support/factories/credentials';

const CREATE = `mutation($input: PathwayCreateInput!) { pathwayCreate(input: $input) { pathway { id title status version revision ownerInstitution { name } } userErrors { field code } } }`;
const UPDATE = `mutation($input: PathwayUpdateInput!) { pathwayUpdate(input: $input) { pathway { title revision } userErrors { field code message } } }`;
const ADD_STAGE = `mutation($input: PathwayStageCreateInput!) { pathwayStageCreate(input: $input) { pathwayStage { id position requirement requiredCount } userErrors { field code } } }`;

describe('pathways', () => {
  let api: TestApi;
  let college: { id: number; name: string };

  beforeAll(async () => {
    api = await startTestApi();
    college = await makeInstitution(api.db, { name: 'Pathway College', region: 'Michigan' });
  });
  afterAll(() => api.close());

  const newPathway = async (title: string) => {
    const created = await api.gql(CREATE, { input: { title, ownerInstitutionId: gid(college as never) } });
    return created.data?.pathwayCreate.pathway as { id: string; revision: number };
  };

  it('creates a draft version 1 and edits it, bumping the revision', async () => {
    const created = await api.gql(CREATE, { input: { title: 'CNC Operator', ownerInstitutionId: gid(college as never), reviewDueOn: '2027-01-31' } });
    expect(created.data?.pathwayCreate).toEqual({
      pathway: { id: expect.any(String), title: 'CNC Operator', status: 'DRAFT', version: 1, revision: 1, ownerInstitution: { name: 'Pathway College' } },
      userErrors: [],
    });
    const id = created.data?.pathwayCreate.pathway.id;
    const updated = await api.gql(UPDATE, { input: { id, expectedRevision: 1, title: 'CNC Operator Pathway' } });
    expect(updated.data?.pathwayUpdate).toEqual({ pathway: { title: 'CNC Operator Pathway', revision: 2 }, userErrors: [] });
    const invalid = await api.gql(CREATE, { input: { title: '', ownerInstitutionId: 'nope' } });
    expect(invalid.data?.pathwayCreate.userErrors.map((e: { field: string[] }) => e.field[1]).sort()).toEqual(['ownerInstitutionId', 'title']);
  });

  it('refuses a stale edit with CONFLICT naming the current revision, and lets exactly one of two concurrent writers win', async () => {
    const { id } = await newPathway('Contested');
    await api.gql(UPDATE, { input: { id, expectedRevision: 1, title: 'First edit' } });
    const stale = await api.gql(UPDATE, { input: { id, expectedRevision: 1, title: 'Overwrite?' } });
    expect(stale.data?.pathwayUpdate.userErrors).toEqual([expect.objectContaining({ field: ['input', 'expectedRevision'], code: 'CONFLICT', message: expect.stringContaining('revision 2') })]);

    const [a, b] = await Promise.all([
      api.gql(UPDATE, { input: { id, expectedRevision: 2, title: 'Writer A' } }),
      api.gql(UPDATE, { input: { id, expectedRevision: 2, title: 'Writer B' } }),
    ]);
    const results = [a, b].map((r) => r.data?.pathwayUpdate);
    const winners = results.filter((r) => r.userErrors.length === 0);
    const losers = results.filter((r) => r.userErrors.length > 0);
    expect(winners).toHaveLength(1);
    expect(losers[0].userErrors[0].code).toBe('CONFLICT');
    const [row] = await api.db.query(`SELECT title, revision FROM pathway WHERE id = $1`, [Number(Buffer.from(id, 'base64url').toString().split(':')[1])]);
    expect(row).toEqual({ title: winners[0].pathway.title, revision: 3 });

    const staleStage = await api.gql(ADD_STAGE, { input: { pathwayId: id, position: 1, title: 'Late', expectedRevision: 2 } });
    expect(staleStage.data?.pathwayStageCreate.userErrors).toEqual([{ field: ['input', 'expectedRevision'], code: 'CONFLICT' }]);
  });

  it('validates stage requirements and positions, and reorders stages', async () => {
    const { id } = await newPathway('Staged');
    const missingCount = await api.gql(ADD_STAGE, { input: { pathwayId: id, position: 1, title: 'Pick two', requirement: 'AT_LEAST' } });
    expect(missingCount.data?.pathwayStageCreate.userErrors).toEqual([{ field: ['input', 'requiredCount'], code: 'REQUIRED' }]);
    const countOnAll = await api.gql(ADD_STAGE, { input: { pathwayId: id, position: 1, title: 'All', requirement: 'ALL', requiredCount: 2 } });
    expect(countOnAll.data?.pathwayStageCreate.userErrors).toEqual([{ field: ['input', 'requiredCount'], code: 'INVALID' }]);
    const first = (await api.gql(ADD_STAGE, { input: { pathwayId: id, position: 1, title: 'Foundations' } })).data?.pathwayStageCreate.pathwayStage;
    const second = (await api.gql(ADD_STAGE, { input: { pathwayId: id, position: 2, title: 'Pick two', requirement: 'AT_LEAST', requiredCount: 2 } })).data?.pathwayStageCreate.pathwayStage;
    expect(second).toMatchObject({ requirement: 'AT_LEAST', requiredCount: 2 });
    const clash = await api.gql(ADD_STAGE, { input: { pathwayId: id, position: 2, title: 'Clash' } });
    expect(clash.data?.pathwayStageCreate.userErrors).toEqual([{ field: ['input', 'position'], code: 'TAKEN' }]);

    const { revision } = (await api.gql(`query($id: ID!) { pathway(id: $id) { revision } }`, { id })).data?.pathway;
    const REORDER = `mutation($input: PathwayStagesReorderInput!) { pathwayStagesReorder(input: $input) { pathway { stages { title position } } userErrors { field code } } }`;
    const incomplete = await api.gql(REORDER, { input: { pathwayId: id, expectedRevision: revision, stageIds: [second.id] } });
    expect(incomplete.data?.pathwayStagesReorder.userErrors).toEqual([{ field: ['input', 'stageIds'], code: 'INVALID' }]);
    const reordered = await api.gql(REORDER, { input: { pathwayId: id, expectedRevision: revision, stageIds: [second.id, first.id] } });
    expect(reordered.data?.pathwayStagesReorder).toEqual({
      pathway: { stages: [{ title: 'Pick two', position: 1 }, { title: 'Foundations', position: 2 }] },
      userErrors: [],
    });
  });

  it('freezes published versions', async () => {
    const { id } = await newPathway('Frozen');
    const localId = Number(Buffer.from(id, 'base64url').toString().split(':')[1]);
    await api.db.getRepository(Pathway).update(localId, { status: PathwayStatus.PUBLISHED });
    const edit = await api.gql(UPDATE, { input: { id, expectedRevision: 1, title: 'Changed' } });
    expect(edit.data?.pathwayUpdate.userErrors).toEqual([expect.objectContaining({ field: null, code: 'FROZEN' })]);
    const stage = await api.gql(ADD_STAGE, { input: { pathwayId: id, position: 1, title: 'Sneaky' } });
    expect(stage.data?.pathwayStageCreate.userErrors).toEqual([{ field: null, code: 'FROZEN' }]);
    expect(await api.db.query(`SELECT count(*)::int AS n FROM pathway_stage WHERE pathway_id = $1`, [localId])).toEqual([{ n: 0 }]);
  });

  it('links credentials, destinations, off-ramps and partners, and filters by them', async () => {
    const { id } = await newPathway('Linked');
    const stage = (await api.gql(ADD_STAGE, { input: { pathwayId: id, position: 1, title: 'Core' } })).data?.pathwayStageCreate.pathwayStage;
    const credential = await makeCredential(api.db, college.id, { title: 'Blueprint Reading' });
    const occupation = await makeOccupation(api.db, { socCode: '51-4041', title: 'Machinists' });
    const employer = await makeEmployer(api.db, { name: 'Precision Parts Co' });
    const run = (query: string, variables: Record<string, unknown>) => api.gql(query, variables).then((r) => Object.values(r.data ?? {})[0] as { userErrors: unknown[] });
    expect((await run(`mutation($s: ID!, $c: ID!) { stageCredentialCreate(input: { stageId: $s, credentialId: $c }) { userErrors { code } } }`, { s: stage.id, c: gid(credential) })).userErrors).toEqual([]);
    const dup = await run(`mutation($s: ID!, $c: ID!) { stageCredentialCreate(input: { stageId: $s, credentialId: $c }) { userErrors { code } } }`, { s: stage.id, c: gid(credential) });
    expect(dup.userErrors).toEqual([{ code: 'TAKEN' }]);
    await run(`mutation($p: ID!, $o: ID!) { pathwayDestinationCreate(input: { pathwayId: $p, occupationId: $o }) { userErrors { code } } }`, { p: id, o: gid(occupation) });
    await run(`mutation($p: ID!, $c: ID!, $o: ID!) { pathwayOffRampCreate(input: { pathwayId: $p, credentialId: $c, occupationId: $o }) { userErrors { code } } }`, { p: id, c: gid(credential), o: gid(occupation) });
    await run(`mutation($p: ID!, $e: ID!) { pathwayPartnerCreate(input: { pathwayId: $p, employerId: $e, role: LEAD }) { userErrors { code } } }`, { p: id, e: gid(employer) });

    const read = await api.gql(`query($id: ID!) { pathway(id: $id) { credentials { title } destinations { socCode } offRamps { credential { title } occupation { title } } partners { role employer { name } } stages { credentials { title } } } }`, { id });
    expect(read.data?.pathway).toEqual({
      credentials: [{ title: 'Blueprint Reading' }],
      destinations: [{ socCode: '51-4041' }],
      offRamps: [{ credential: { title: 'Blueprint Reading' }, occupation: { title: 'Machinists' } }],
      partners: [{ role: 'LEAD', employer: { name: 'Precision Parts Co' } }],
      stages: [{ credentials: [{ title: 'Blueprint Reading' }] }],
    });
    for (const filter of [{ occupationId: gid(occupation) }, { employerId: gid(employer) }, { region: 'Michigan', search: 'linked' }, { institutionId: gid(college as never), search: 'Linked' }]) {
      const found = await api.gql(`query($f: PathwayFilter) { pathways(filter: $f) { nodes { id } } }`, { f: filter });
      expect(found.data?.pathways.nodes).toEqual([{ id }]);
    }
  });

  it('endorses only versions under review or beyond', async () => {
    const { id } = await newPathway('Endorsed');
    const employer = await makeEmployer(api.db);
    const ENDORSE = `mutation($p: ID!, $e: ID!) { endorsementCreate(input: { pathwayId: $p, employerId: $e, statement: "We will interview graduates", signatoryName: "Dana Reyes", commitment: INTERVIEW_GUARANTEE, expiresOn: "2030-01-01" }) { endorsement { current commitment employer { id } } userErrors { field code } } }`;
    expect((await api.gql(ENDORSE, { p: id, e: gid(employer) })).data?.endorsementCreate.userErrors).toEqual([{ field: ['input', 'pathwayId'], code: 'INVALID_STATE' }]);
    await api.gql(`mutation($p: ID!, $e: ID!) { pathwayPartnerCreate(input: { pathwayId: $p, employerId: $e, role: VALIDATOR }) { userErrors { code } } }`, { p: id, e: gid(employer) });
    await api.db.query(`UPDATE pathway SET status = 'IN_REVIEW' WHERE id = $1`, [Number(Buffer.from(id, 'base64url').toString().split(':')[1])]);
    const partner = await makeUser(api.db, Role.EMPLOYER_PARTNER, { employerId: employer.id });
    const token = await tokenFor(api, partner.email);
    expect((await api.gql(ENDORSE, { p: id, e: gid(employer) }, { token })).data?.endorsementCreate).toEqual({
      endorsement: { current: true, commitment: 'INTERVIEW_GUARANTEE', employer: { id: gid(employer) } },
      userErrors: [],
    });
    const other = await makeEmployer(api.db);
    expect((await api.gql(ENDORSE, { p: id, e: gid(other) }, { token })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('suppresses outcome counts under 10 outside the owning institution', async () => {
    const { id } = await newPathway('Outcomes');
    const pathwayId = Number(Buffer.from(id, 'base64url').toString().split(':')[1]);
    await api.db.query(`UPDATE pathway SET status = 'PUBLISHED' WHERE id = $1`, [pathwayId]);
    await insert(api.db, OutcomeReport, { pathwayId, cohort: '2024', enrolled: 40, completed: 30, placed: 21, medianWageBefore: 31000, medianWageAfter: 47000 });
    await insert(api.db, OutcomeReport, { pathwayId, cohort: '2025', enrolled: 12, completed: 9, placed: 6, medianWageBefore: 30000, medianWageAfter: 45000 });
    const QUERY = `query($id: ID!) { pathway(id: $id) { outcomes { cohort enrolled completed placed completionRate placementRate medianWageAfter suppressed } } }`;
    const publicView = await api.gql(QUERY, { id }, { token: null });
    expect(publicView.data?.pathway.outcomes).toEqual([
      { cohort: '2024', enrolled: 40, completed: 30, placed: 21, completionRate: 0.75, placementRate: 0.7, medianWageAfter: 47000, suppressed: false },
      { cohort: '2025', enrolled: 12, completed: null, placed: null, completionRate: null, placementRate: null, medianWageAfter: null, suppressed: true },
    ]);
    const staff = await makeUser(api.db, Role.INSTITUTION_STAFF, { institutionId: college.id });
    const ownView = await api.gql(QUERY, { id }, { token: await tokenFor(api, staff.email) });
    expect(ownView.data?.pathway.outcomes[1]).toMatchObject({ completed: 9, placed: 6, suppressed: false });
    const bad = await api.gql(`mutation($p: ID!) { outcomeReportCreate(input: { pathwayId: $p, cohort: "2026", enrolled: 5, completed: 6, placed: 1 }) { userErrors { field code } } }`, { p: id });
    expect(bad.data?.outcomeReportCreate.userErrors).toEqual([{ field: ['input', 'completed'], code: 'OUT_OF_RANGE' }]);
  });
});
