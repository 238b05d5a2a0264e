import { fromGlobalId } from '../../api/src/core/ids';
import { AgreementStatus } from '../../api/src/modules/articulation/articulation-agreement.entity';
import { AwardLevel, DegreeProgram } from '../../api/src/modules/articulation/degree-program.entity';
import { Role } from '../../api/src/modules/accounts/user.entity';
import { Credential } from '../../api/src/modules/credentials/credential.entity';
import { Employer } from '../../api/src/modules/employers/employer.entity';
import { Institution } from '../../api/src/modules/institutions/institution.entity';
import { Pathway } from '../../api/src/modules/pathways/pathway.entity';
import { startTestApi, TestApi } from '../support/api';
import { editingClient } from '../support/revisions';
import { gid, makeEmployer, makeInstitution, makeUser, tokenFor } from '../support/factories';
import { insertCredential, insertPathway, makeAgreement, makeMapping, makeProgram } from '../support/factories/articulation';

const PROGRAM_FIELDS = 'id title awardLevel cipCode totalCredits residencyCredits priorLearningCap institution { name }';
const PROGRAM_CREATE = `mutation($input: DegreeProgramCreateInput!) {
  degreeProgramCreate(input: $input) { degreeProgram { ${PROGRAM_FIELDS} } userErrors { field code } }
}`;
const PROGRAM_UPDATE = `mutation($input: DegreeProgramUpdateInput!) {
  degreeProgramUpdate(input: $input) { degreeProgram { ${PROGRAM_FIELDS} } userErrors { field code } }
}`;
const PROGRAM_DELETE = `mutation($id: ID!) { degreeProgramDelete(input: { id: $id }) { deletedId userErrors { field code } } }`;
const PROGRAMS = `query($first: Int, $after: String, $filter: DegreeProgramFilter, $orderBy: DegreeProgramOrder) {
  degreePrograms(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount nodes { title } pageInfo { hasNextPage endCursor }
  }
}`;

const AGREEMENT_FIELDS = `id title status effectiveFrom effectiveTo signedBy signedOn recencyYears blockCredits
  issuer { __typename ... on Institution { name } ... on Employer { name } }
  degreeProgram { title } blockPathway { title } mappingCount mappings { credits courseEquivalent credential { title } }`;
const AGREEMENT_CREATE = `mutation($input: ArticulationAgreementCreateInput!) {
  articulationAgreementCreate(input: $input) { articulationAgreement { ${AGREEMENT_FIELDS} } userErrors { field code } }
}`;
const AGREEMENT_UPDATE = `mutation($input: ArticulationAgreementUpdateInput!) {
  articulationAgreementUpdate(input: $input) { articulationAgreement { ${AGREEMENT_FIELDS} } userErrors { field code } }
}`;
const AGREEMENT_DELETE = `mutation($id: ID!, $expectedRevision: Int!) { articulationAgreementDelete(input: { id: $id, expectedRevision: $expectedRevision }) { deletedId userErrors { field code } } }`;
const AGREEMENTS = `query($first: Int, $after: String, $filter: ArticulationAgreementFilter, $orderBy: ArticulationAgreementOrder) {
  articulationAgreements(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount nodes { title } pageInfo { hasNextPage endCursor }
  }
}`;

const MAPPING_FIELDS = 'id credits courseEquivalent minMasteryLevel agreement { title mappingCount } credential { title }';
const MAPPING_CREATE = `mutation($input: CreditMappingCreateInput!) {
  creditMappingCreate(input: $input) { creditMapping { ${MAPPING_FIELDS} } userErrors { field code } }
}`;
const MAPPING_UPDATE = `mutation($input: CreditMappingUpdateInput!) {
  creditMappingUpdate(input: $input) { creditMapping { ${MAPPING_FIELDS} } userErrors { field code } }
}`;
const MAPPING_DELETE = `mutation($id: ID!, $expectedRevision: Int!) { creditMappingDelete(input: { id: $id, expectedRevision: $expectedRevision }) { deletedId userErrors { field code } } }`;

type FieldError = { field: string[] | null; code: string };
const fieldsOf = (errors: FieldError[]) => errors.map((e) => `${e.field?.join('.')}:${e.code}`).sort();
const titles = (connection: { nodes: { title: string }[] }) => connection.nodes.map((node) => node.title);
const missingId = (typeName: string) => Buffer.from(`${typeName}:999999`).toString('base64url');

/** A calendar day relative to today (UTC), as the API's `todayIso` counts days. */
function daysFromToday(days: number): string {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

describe('articulation', () => {
  let api: TestApi;
  /** Edits of an agreement and its mappings, sent with the revision a page opened now would hold. */
  let edit: TestApi['gql'];
  let college: Institution;
  let employer: Employer;
  let program: DegreeProgram;
  let fundamentals: Credential;
  let networkBasics: Credential;
  let itSupport: Pathway;

  const countOf = async (table: string): Promise<number> => (await api.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const validProgram = () => ({
    institutionId: gid(college), title: 'AAS Information Technology', awardLevel: 'ASSOCIATE', cipCode: '11.0901',
    totalCredits: 60, residencyCredits: 15, priorLearningCap: 0.75,
  });
  const validAgreement = () => ({
    title: 'IT Support into AAS IT', issuerInstitutionId: gid(college), degreeProgramId: gid(program), effectiveFrom: '2025-01-01',
  });

  beforeAll(async () => {
    api = await startTestApi();
    edit = editingClient(api);
    college = await makeInstitution(api.db, { name: 'Lakeshore College', region: 'Lakeshore' });
    employer = await makeEmployer(api.db, { name: 'Lakeshore Networks' });
    program = await makeProgram(api.db, college.id, { title: 'AAS Computer Support' });
    fundamentals = await insertCredential(api.db, college.id, { title: 'IT Support Fundamentals' });
    networkBasics = await insertCredential(api.db, college.id, { title: 'Network Basics' });
    itSupport = await insertPathway(api.db, college.id, { title: 'IT Support' });
  });
  afterAll(() => api.close());

  describe('degree programs', () => {
    it('creates, reads, updates and deletes a program with its institution', async () => {
      const created = await api.gql(PROGRAM_CREATE, { input: validProgram() });
      expect(created.data?.degreeProgramCreate.userErrors).toEqual([]);
      const { id } = created.data?.degreeProgramCreate.degreeProgram;
      expect(created.data?.degreeProgramCreate.degreeProgram).toEqual({
        id, title: 'AAS Information Technology', awardLevel: 'ASSOCIATE', cipCode: '11.0901', totalCredits: 60, residencyCredits: 15,
        priorLearningCap: 0.75, institution: { name: 'Lakeshore College' },
      });

      const read = await api.gql(`query($id: ID!) { node(id: $id) { id ... on DegreeProgram { title agreements { id } } } }`, { id });
      expect(read.data?.node).toEqual({ id, title: 'AAS Information Technology', agreements: [] });

      const updated = await api.gql(PROGRAM_UPDATE, { input: { id, title: 'AAS IT', totalCredits: 64, priorLearningCap: 0.5, cipCode: null } });
      expect(updated.data?.degreeProgramUpdate).toEqual({
        degreeProgram: { ...created.data?.degreeProgramCreate.degreeProgram, title: 'AAS IT', totalCredits: 64, priorLearningCap: 0.5, cipCode: null },
        userErrors: [],
      });

      const deleted = await api.gql(PROGRAM_DELETE, { id });
      expect(deleted.data?.degreeProgramDelete).toEqual({ deletedId: id, userErrors: [] });
      expect((await api.gql(`query($id: ID!) { degreeProgram(id: $id) { id } }`, { id })).data?.degreeProgram).toBeNull();
    });

    it('refuses a bad CIP code, credits out of range and a cap outside 0..1, writing nothing', async () => {
      const before = await countOf('degree_program');
      const bad = await api.gql(PROGRAM_CREATE, { input: { ...validProgram(), cipCode: '11-0901', totalCredits: 0, priorLearningCap: 1.5, title: '' } });
      expect(fieldsOf(bad.data?.degreeProgramCreate.userErrors)).toEqual([
        'input.cipCode:INVALID', 'input.priorLearningCap:OUT_OF_RANGE', 'input.title:REQUIRED', 'input.totalCredits:OUT_OF_RANGE',
      ]);
      const negativeCap = await api.gql(PROGRAM_CREATE, { input: { ...validProgram(), priorLearningCap: -0.1, residencyCredits: -1 } });
      expect(fieldsOf(negativeCap.data?.degreeProgramCreate.userErrors)).toEqual(['input.priorLearningCap:OUT_OF_RANGE', 'input.residencyCredits:OUT_OF_RANGE']);
      const shortCip = await api.gql(PROGRAM_CREATE, { input: { ...validProgram(), cipCode: '11.09' } });
      expect(fieldsOf(shortCip.data?.degreeProgramCreate.userErrors)).toEqual(['input.cipCode:INVALID']);
      const residencyAboveTotal = await api.gql(PROGRAM_CREATE, { input: { ...validProgram(), totalCredits: 30, residencyCredits: 31 } });
      expect(residencyAboveTotal.data?.degreeProgramCreate).toEqual({ degreeProgram: null, userErrors: [{ field: ['input', 'residencyCredits'], code: 'OUT_OF_RANGE' }] });
      expect(await countOf('degree_program')).toBe(before);
    });

    it('checks residency against the total when an update changes only the total', async () => {
      const target = await makeProgram(api.db, college.id, { title: 'Residency check', totalCredits: 60, residencyCredits: 15 });
      const shrink = await api.gql(PROGRAM_UPDATE, { input: { id: gid(target), totalCredits: 10 } });
      expect(shrink.data?.degreeProgramUpdate).toEqual({ degreeProgram: null, userErrors: [{ field: ['input', 'residencyCredits'], code: 'OUT_OF_RANGE' }] });
      const grow = await api.gql(PROGRAM_UPDATE, { input: { id: gid(target), residencyCredits: 61 } });
      expect(grow.data?.degreeProgramUpdate.userErrors).toEqual([{ field: ['input', 'residencyCredits'], code: 'OUT_OF_RANGE' }]);
      expect(await api.db.query('SELECT total_credits, residency_credits FROM degree_program WHERE id = $1', [target.id])).toEqual([{ total_credits: 60, residency_credits: 15 }]);

      const cleared = await api.gql(PROGRAM_UPDATE, { input: { id: gid(target), totalCredits: null } });
      expect(cleared.data?.degreeProgramUpdate.userErrors).toEqual([{ field: ['input', 'totalCredits'], code: 'REQUIRED' }]);

      const equal = await api.gql(PROGRAM_UPDATE, { input: { id: gid(target), totalCredits: 15 } });
      expect(equal.data?.degreeProgramUpdate.degreeProgram).toMatchObject({ totalCredits: 15, residencyCredits: 15 });
    });

    it('reports unknown and wrong-type IDs, and refuses to delete a program with agreements', async () => {
      const before = await countOf('degree_program');
      const unknown = await api.gql(PROGRAM_CREATE, { input: { ...validProgram(), institutionId: missingId('Institution') } });
      expect(unknown.data?.degreeProgramCreate.userErrors).toEqual([{ field: ['input', 'institutionId'], code: 'NOT_FOUND' }]);
      const wrongType = await api.gql(PROGRAM_CREATE, { input: { ...validProgram(), institutionId: gid(employer) } });
      expect(wrongType.data?.degreeProgramCreate.userErrors).toEqual([{ field: ['input', 'institutionId'], code: 'INVALID_ID' }]);
      expect(await countOf('degree_program')).toBe(before);

      const missingUpdate = await api.gql(PROGRAM_UPDATE, { input: { id: missingId('DegreeProgram'), title: 'X' } });
      expect(missingUpdate.data?.degreeProgramUpdate.userErrors).toEqual([{ field: ['input', 'id'], code: 'NOT_FOUND' }]);
      const wrongDelete = await api.gql(PROGRAM_DELETE, { id: gid(college) });
      expect(wrongDelete.data?.degreeProgramDelete).toEqual({ deletedId: null, userErrors: [{ field: ['input', 'id'], code: 'INVALID_ID' }] });

      const referenced = await makeProgram(api.db, college.id, { title: 'Referenced' });
      await makeAgreement(api.db, referenced);
      const inUse = await api.gql(PROGRAM_DELETE, { id: gid(referenced) });
      expect(inUse.data?.degreeProgramDelete).toEqual({ deletedId: null, userErrors: [{ field: null, code: 'IN_USE' }] });
      expect(await api.db.query('SELECT count(*)::int AS n FROM degree_program WHERE id = $1', [referenced.id])).toEqual([{ n: 1 }]);
    });

    it('filters by text, institution, award level, CIP prefix and region; orders and pages', async () => {
      const north = await makeInstitution(api.db, { region: 'Zeta North' });
      const south = await makeInstitution(api.db, { region: 'Zeta South' });
      await makeProgram(api.db, north.id, { title: 'Zeta BSc Nursing', awardLevel: AwardLevel.BACHELOR, cipCode: '51.3801' });
      await makeProgram(api.db, north.id, { title: 'Zeta AAS Networking', awardLevel: AwardLevel.ASSOCIATE, cipCode: '11.0901' });
      await makeProgram(api.db, south.id, { title: 'Zeta Certificate Help Desk', awardLevel: AwardLevel.CERTIFICATE, cipCode: '11.1006' });
      await makeProgram(api.db, south.id, { title: 'Zeta AAS Cybersecurity', awardLevel: AwardLevel.ASSOCIATE, cipCode: '11.1003' });
      const zeta = { search: 'zeta' };

      const page1 = (await api.gql(PROGRAMS, { first: 2, filter: zeta, orderBy: { field: 'TITLE' } })).data?.degreePrograms;
      expect(page1.totalCount).toBe(4);
      expect(titles(page1)).toEqual(['Zeta AAS Cybersecurity', 'Zeta AAS Networking']);
      expect(page1.pageInfo.hasNextPage).toBe(true);
      const page2 = (await api.gql(PROGRAMS, { first: 2, after: page1.pageInfo.endCursor, filter: zeta, orderBy: { field: 'TITLE' } })).data?.degreePrograms;
      expect(titles(page2)).toEqual(['Zeta BSc Nursing', 'Zeta Certificate Help Desk']);
      expect(page2.pageInfo.hasNextPage).toBe(false);

      const list = async (filter: Record<string, unknown>, orderBy?: Record<string, string>) =>
        titles((await api.gql(PROGRAMS, { filter: { ...zeta, ...filter }, orderBy })).data?.degreePrograms);
      expect(await list({}, { field: 'TITLE', direction: 'DESC' })).toEqual(['Zeta Certificate Help Desk', 'Zeta BSc Nursing', 'Zeta AAS Networking', 'Zeta AAS Cybersecurity']);
      expect(await list({}, { field: 'CREATED_AT' })).toEqual(['Zeta BSc Nursing', 'Zeta AAS Networking', 'Zeta Certificate Help Desk', 'Zeta AAS Cybersecurity']);
      expect(await list({ search: 'cyber' })).toEqual(['Zeta AAS Cybersecurity']);
      expect(await list({ institutionId: gid(north) })).toEqual(['Zeta AAS Networking', 'Zeta BSc Nursing']);
      expect(await list({ awardLevel: 'ASSOCIATE' })).toEqual(['Zeta AAS Cybersecurity', 'Zeta AAS Networking']);
      expect(await list({ cipCode: '11' })).toEqual(['Zeta AAS Cybersecurity', 'Zeta AAS Networking', 'Zeta Certificate Help Desk']);
      expect(await list({ cipCode: '11.10' })).toEqual(['Zeta AAS Cybersecurity', 'Zeta Certificate Help Desk']);
      expect(await list({ region: 'Zeta South' })).toEqual(['Zeta AAS Cybersecurity', 'Zeta Certificate Help Desk']);

      const wrongType = await api.gql(PROGRAMS, { filter: { institutionId: gid(employer) } });
      expect(wrongType.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('articulation agreements', () => {
    it('creates an agreement with block credit and resolves its issuer, program, pathway and mappings', async () => {
      const created = await api.gql(AGREEMENT_CREATE, {
        input: {
          ...validAgreement(), status: 'ACTIVE', effectiveTo: '2027-12-31', signedBy: 'Dean of Computing', signedOn: '2024-12-15', recencyYears: 5,
          blockPathwayId: gid(itSupport), blockCredits: 2,
        },
      });
      expect(created.data?.articulationAgreementCreate.userErrors).toEqual([]);
      const agreement = created.data?.articulationAgreementCreate.articulationAgreement;
      expect(agreement).toEqual({
        id: agreement.id, title: 'IT Support into AAS IT', status: 'ACTIVE', effectiveFrom: '2025-01-01', effectiveTo: '2027-12-31',
        signedBy: 'Dean of Computing', signedOn: '2024-12-15', recencyYears: 5, blockCredits: 2,
        issuer: { __typename: 'Institution', name: 'Lakeshore College' }, degreeProgram: { title: 'AAS Computer Support' },
        blockPathway: { title: 'IT Support' }, mappingCount: 0, mappings: [],
      });

      const defaults = await api.gql(AGREEMENT_CREATE, { input: validAgreement() });
      expect(defaults.data?.articulationAgreementCreate.articulationAgreement).toMatchObject({ status: 'DRAFT', effectiveTo: null, blockPathway: null, blockCredits: null, recencyYears: null });

      const agreementRowId = fromGlobalId(agreement.id)?.localId ?? 0;
      await makeMapping(api.db, agreementRowId, fundamentals.id, { credits: 3, courseEquivalent: 'CIS-105' });
      const toEmployer = await edit(AGREEMENT_UPDATE, {
        input: { id: agreement.id, issuerInstitutionId: null, issuerEmployerId: gid(employer), blockPathwayId: null, blockCredits: null },
      });
      expect(toEmployer.data?.articulationAgreementUpdate).toMatchObject({
        articulationAgreement: {
          issuer: { __typename: 'Employer', name: 'Lakeshore Networks' }, blockPathway: null, blockCredits: null, mappingCount: 1,
          mappings: [{ credits: 3, courseEquivalent: 'CIS-105', credential: { title: 'IT Support Fundamentals' } }],
        },
        userErrors: [],
      });

      const onProgram = await api.gql(`query($id: ID!) { degreeProgram(id: $id) { agreements { title status } } }`, { id: gid(program) });
      expect(onProgram.data?.degreeProgram.agreements).toEqual([
        { title: 'IT Support into AAS IT', status: 'ACTIVE' },
        { title: 'IT Support into AAS IT', status: 'DRAFT' },
      ]);

      const deleted = await edit(AGREEMENT_DELETE, { id: agreement.id });
      expect(deleted.data?.articulationAgreementDelete).toEqual({ deletedId: agreement.id, userErrors: [] });
      expect(await api.db.query('SELECT count(*)::int AS n FROM credit_mapping WHERE agreement_id = $1', [agreementRowId])).toEqual([{ n: 0 }]);
    });

    it('requires exactly one issuer', async () => {
      const before = await countOf('articulation_agreement');
      const both = await api.gql(AGREEMENT_CREATE, { input: { ...validAgreement(), issuerEmployerId: gid(employer) } });
      expect(both.data?.articulationAgreementCreate).toEqual({ articulationAgreement: null, userErrors: [{ field: ['input', 'issuerInstitutionId'], code: 'INVALID' }] });
      const neither = await api.gql(AGREEMENT_CREATE, { input: { ...validAgreement(), issuerInstitutionId: null } });
      expect(neither.data?.articulationAgreementCreate.userErrors).toEqual([{ field: ['input', 'issuerInstitutionId'], code: 'INVALID' }]);
      expect(await countOf('articulation_agreement')).toBe(before);

      const existing = await makeAgreement(api.db, program, { title: 'One issuer' });
      const cleared = await edit(AGREEMENT_UPDATE, { input: { id: gid(existing), issuerInstitutionId: null } });
      expect(cleared.data?.articulationAgreementUpdate.userErrors).toEqual([{ field: ['input', 'issuerInstitutionId'], code: 'INVALID' }]);
      const added = await edit(AGREEMENT_UPDATE, { input: { id: gid(existing), issuerEmployerId: gid(employer) } });
      expect(added.data?.articulationAgreementUpdate.userErrors).toEqual([{ field: ['input', 'issuerInstitutionId'], code: 'INVALID' }]);
      expect(await api.db.query('SELECT issuer_institution_id, issuer_employer_id FROM articulation_agreement WHERE id = $1', [existing.id]))
        .toEqual([{ issuer_institution_id: college.id, issuer_employer_id: null }]);
    });

    it('refuses an end before the start, a recency under a year and half a block credit', async () => {
      const before = await countOf('articulation_agreement');
      const create = async (input: Record<string, unknown>) =>
        fieldsOf((await api.gql(AGREEMENT_CREATE, { input: { ...validAgreement(), ...input } })).data?.articulationAgreementCreate.userErrors);
      expect(await create({ effectiveTo: '2024-12-31' })).toEqual(['input.effectiveTo:OUT_OF_RANGE']);
      expect(await create({ recencyYears: 0 })).toEqual(['input.recencyYears:OUT_OF_RANGE']);
      expect(await create({ blockCredits: 2 })).toEqual(['input.blockCredits:INVALID']);
      expect(await create({ blockPathwayId: gid(itSupport) })).toEqual(['input.blockCredits:INVALID']);
      expect(await create({ blockPathwayId: gid(itSupport), blockCredits: -1 })).toEqual(['input.blockCredits:OUT_OF_RANGE']);
      expect(await create({ title: '', signedBy: 'x'.repeat(201) })).toEqual(['input.signedBy:TOO_LONG', 'input.title:REQUIRED']);
      expect(await create({ issuerInstitutionId: null, effectiveTo: '2024-01-01', blockCredits: 1 }))
        .toEqual(['input.blockCredits:INVALID', 'input.effectiveTo:OUT_OF_RANGE', 'input.issuerInstitutionId:INVALID']);
      expect(await countOf('articulation_agreement')).toBe(before);

      const existing = await makeAgreement(api.db, program, { title: 'Dated', effectiveFrom: '2025-01-01', effectiveTo: '2025-12-31' });
      const startAfterEnd = await edit(AGREEMENT_UPDATE, { input: { id: gid(existing), effectiveFrom: '2026-01-01' } });
      expect(startAfterEnd.data?.articulationAgreementUpdate.userErrors).toEqual([{ field: ['input', 'effectiveTo'], code: 'OUT_OF_RANGE' }]);
      const undated = await edit(AGREEMENT_UPDATE, { input: { id: gid(existing), effectiveFrom: null } });
      expect(undated.data?.articulationAgreementUpdate.userErrors).toEqual([{ field: ['input', 'effectiveFrom'], code: 'REQUIRED' }]);
      const dropPathway = await edit(AGREEMENT_UPDATE, { input: { id: gid(existing), blockCredits: 4 } });
      expect(dropPathway.data?.articulationAgreementUpdate.userErrors).toEqual([{ field: ['input', 'blockCredits'], code: 'INVALID' }]);
      expect(await api.db.query('SELECT effective_from::text, block_credits FROM articulation_agreement WHERE id = $1', [existing.id]))
        .toEqual([{ effective_from: '2025-01-01', block_credits: null }]);
    });

    it('reports unknown and wrong-type references on the field', async () => {
      const before = await countOf('articulation_agreement');
      const create = async (input: Record<string, unknown>) =>
        (await api.gql(AGREEMENT_CREATE, { input: { ...validAgreement(), ...input } })).data?.articulationAgreementCreate.userErrors;
      expect(await create({ degreeProgramId: missingId('DegreeProgram') })).toEqual([{ field: ['input', 'degreeProgramId'], code: 'NOT_FOUND' }]);
      expect(await create({ degreeProgramId: gid(college) })).toEqual([{ field: ['input', 'degreeProgramId'], code: 'INVALID_ID' }]);
      expect(await create({ issuerInstitutionId: missingId('Institution') })).toEqual([{ field: ['input', 'issuerInstitutionId'], code: 'NOT_FOUND' }]);
      expect(await create({ issuerInstitutionId: null, issuerEmployerId: gid(college) })).toEqual([{ field: ['input', 'issuerEmployerId'], code: 'INVALID_ID' }]);
      expect(await create({ blockPathwayId: missingId('Pathway'), blockCredits: 2 })).toEqual([{ field: ['input', 'blockPathwayId'], code: 'NOT_FOUND' }]);
      expect(await countOf('articulation_agreement')).toBe(before);

      const missingDelete = await edit(AGREEMENT_DELETE, { id: missingId('ArticulationAgreement') });
      expect(missingDelete.data?.articulationAgreementDelete.userErrors).toEqual([{ field: ['input', 'id'], code: 'NOT_FOUND' }]);
      const wrongUpdate = await edit(AGREEMENT_UPDATE, { input: { id: gid(program), title: 'X' } });
      expect(wrongUpdate.data?.articulationAgreementUpdate.userErrors).toEqual([{ field: ['input', 'id'], code: 'INVALID_ID' }]);
    });

    it('filters by text, status, program, institution, employer, credential, day in force and expiry; orders and pages', async () => {
      const otherCollege = await makeInstitution(api.db);
      const programA = await makeProgram(api.db, college.id, { title: 'Kappa program A' });
      const programB = await makeProgram(api.db, otherCollege.id, { title: 'Kappa program B' });
      const byEmployer = await makeEmployer(api.db);
      const fromOther = { issuerInstitutionId: otherCollege.id };
      const alpha = await makeAgreement(api.db, programA, { title: 'Kappa Alpha', effectiveFrom: '2025-01-01', effectiveTo: '2035-12-31' });
      const beta = await makeAgreement(api.db, programB, { title: 'Kappa Beta', issuerInstitutionId: null, issuerEmployerId: byEmployer.id, effectiveFrom: '2024-01-01' });
      const gamma = await makeAgreement(api.db, programA, { ...fromOther, title: 'Kappa Gamma', status: AgreementStatus.DRAFT, effectiveFrom: '2025-01-01', effectiveTo: '2030-06-30' });
      await makeAgreement(api.db, programB, { ...fromOther, title: 'Kappa Delta', effectiveFrom: daysFromToday(-100), effectiveTo: daysFromToday(20) });
      await makeAgreement(api.db, programB, { ...fromOther, title: 'Kappa Epsilon', status: AgreementStatus.SUSPENDED, effectiveFrom: daysFromToday(-90), effectiveTo: daysFromToday(10) });
      await makeAgreement(api.db, programB, { ...fromOther, title: 'Kappa Zeta', effectiveFrom: daysFromToday(-30), effectiveTo: daysFromToday(60) });
      await makeAgreement(api.db, programB, { ...fromOther, title: 'Kappa Eta', effectiveFrom: daysFromToday(-200), effectiveTo: daysFromToday(-1) });
      await makeMapping(api.db, alpha.id, fundamentals.id);
      await makeMapping(api.db, gamma.id, fundamentals.id);
      await makeMapping(api.db, beta.id, networkBasics.id);
      const kappa = { search: 'kappa' };

      const page1 = (await api.gql(AGREEMENTS, { first: 3, filter: kappa })).data?.articulationAgreements;
      expect(page1.totalCount).toBe(7);
      expect(titles(page1)).toEqual(['Kappa Alpha', 'Kappa Beta', 'Kappa Delta']);
      const page2 = (await api.gql(AGREEMENTS, { first: 3, after: page1.pageInfo.endCursor, filter: kappa })).data?.articulationAgreements;
      expect(titles(page2)).toEqual(['Kappa Epsilon', 'Kappa Eta', 'Kappa Gamma']);
      const page3 = (await api.gql(AGREEMENTS, { first: 3, after: page2.pageInfo.endCursor, filter: kappa })).data?.articulationAgreements;
      expect(titles(page3)).toEqual(['Kappa Zeta']);
      expect(page3.pageInfo.hasNextPage).toBe(false);

      const list = async (filter: Record<string, unknown>, orderBy?: Record<string, string>) =>
        titles((await api.gql(AGREEMENTS, { filter: { ...kappa, ...filter }, orderBy })).data?.articulationAgreements);
      expect(await list({ search: 'kappa e' })).toEqual(['Kappa Epsilon', 'Kappa Eta']);
      expect(await list({ status: 'DRAFT' })).toEqual(['Kappa Gamma']);
      expect(await list({ degreeProgramId: gid(programA) })).toEqual(['Kappa Alpha', 'Kappa Gamma']);
      expect(await list({ institutionId: gid(college) })).toEqual(['Kappa Alpha', 'Kappa Gamma']);
      expect(await list({ institutionId: gid(otherCollege) })).toEqual(['Kappa Beta', 'Kappa Delta', 'Kappa Epsilon', 'Kappa Eta', 'Kappa Gamma', 'Kappa Zeta']);
      expect(await list({ employerId: gid(byEmployer) })).toEqual(['Kappa Beta']);
      expect(await list({ credentialId: gid(fundamentals) })).toEqual(['Kappa Alpha', 'Kappa Gamma']);
      expect(await list({ credentialId: gid(networkBasics) })).toEqual(['Kappa Beta']);
      expect(await list({ activeOn: '2024-06-01' })).toEqual(['Kappa Beta']);
      expect(await list({ activeOn: '2024-12-31', degreeProgramId: gid(programA) })).toEqual([]);
      expect(await list({ activeOn: '2035-12-31', degreeProgramId: gid(programA) })).toEqual(['Kappa Alpha']);
      expect(await list({ activeOn: '2036-01-01', degreeProgramId: gid(programA) })).toEqual([]);
      expect(await list({ activeOn: daysFromToday(0), degreeProgramId: gid(programB) })).toEqual(['Kappa Beta', 'Kappa Delta', 'Kappa Zeta']);
      expect(await list({ expiringWithinDays: 30 })).toEqual(['Kappa Delta']);
      expect(await list({ expiringWithinDays: 90 })).toEqual(['Kappa Delta', 'Kappa Zeta']);

      expect(await list({ degreeProgramId: gid(programA) }, { field: 'EFFECTIVE_TO' })).toEqual(['Kappa Gamma', 'Kappa Alpha']);
      expect(await list({ degreeProgramId: gid(programB) }, { field: 'EFFECTIVE_FROM' }))
        .toEqual(['Kappa Beta', 'Kappa Eta', 'Kappa Delta', 'Kappa Epsilon', 'Kappa Zeta']);
      expect(await list({ degreeProgramId: gid(programB) }, { field: 'TITLE', direction: 'DESC' }))
        .toEqual(['Kappa Zeta', 'Kappa Eta', 'Kappa Epsilon', 'Kappa Delta', 'Kappa Beta']);

      await makeAgreement(api.db, programB, { ...fromOther, title: 'Kappa Theta', effectiveFrom: daysFromToday(-10), effectiveTo: daysFromToday(0) });
      expect(await list({ expiringWithinDays: 0 })).toEqual(['Kappa Theta']);

      const wrongFilters = [
        { credentialId: gid(program) }, { employerId: gid(college) }, { degreeProgramId: 'nonsense' }, { expiringWithinDays: -1 }, { expiringWithinDays: 2147483647 },
      ];
      for (const filter of wrongFilters) {
        const wrong = await api.gql(AGREEMENTS, { filter });
        expect(wrong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      }
    });

    it('shows the public only active agreements and lets only the program\'s college manage them', async () => {
      const ownProgram = await makeProgram(api.db, college.id, { title: 'Policy program' });
      await makeAgreement(api.db, ownProgram, { title: 'Lambda active' });
      const draft = await makeAgreement(api.db, ownProgram, { title: 'Lambda draft', status: AgreementStatus.DRAFT });
      const publicList = await api.gql(AGREEMENTS, { filter: { search: 'lambda' } }, { token: null });
      expect(titles(publicList.data?.articulationAgreements)).toEqual(['Lambda active']);

      const staff = await tokenFor(api, (await makeUser(api.db, Role.INSTITUTION_STAFF, { institutionId: college.id })).email);
      const staffList = await api.gql(AGREEMENTS, { filter: { search: 'lambda' } }, { token: staff });
      expect(titles(staffList.data?.articulationAgreements)).toEqual(['Lambda active', 'Lambda draft']);
      const signed = await edit(AGREEMENT_UPDATE, { input: { id: gid(draft), status: 'ACTIVE' } }, { token: staff });
      expect(signed.data?.articulationAgreementUpdate.articulationAgreement.status).toBe('ACTIVE');

      const stranger = await tokenFor(api, (await makeUser(api.db, Role.INSTITUTION_STAFF, { institutionId: (await makeInstitution(api.db)).id })).email);
      const refused = await edit(AGREEMENT_UPDATE, { input: { id: gid(draft), status: 'SUSPENDED' } }, { token: stranger });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const refusedProgram = await api.gql(PROGRAM_CREATE, { input: validProgram() }, { token: stranger });
      expect(refusedProgram.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await api.db.query('SELECT status FROM articulation_agreement WHERE id = $1', [draft.id])).toEqual([{ status: 'ACTIVE' }]);
    });
  });

  describe('credit mappings', () => {
    it('creates, updates and deletes a mapping, and the agreement lists and counts it', async () => {
      const agreement = await makeAgreement(api.db, program, { title: 'Mapping agreement' });
      const created = await edit(MAPPING_CREATE, {
        input: { agreementId: gid(agreement), credentialId: gid(fundamentals), credits: 3, courseEquivalent: 'CIS-105', minMasteryLevel: 2 },
      });
      expect(created.data?.creditMappingCreate.userErrors).toEqual([]);
      const mapping = created.data?.creditMappingCreate.creditMapping;
      expect(mapping).toEqual({
        id: mapping.id, credits: 3, courseEquivalent: 'CIS-105', minMasteryLevel: 2,
        agreement: { title: 'Mapping agreement', mappingCount: 1 }, credential: { title: 'IT Support Fundamentals' },
      });

      const updated = await api.gql(MAPPING_UPDATE, { input: { id: mapping.id, credits: 4.5, courseEquivalent: null, minMasteryLevel: null } });
      expect(updated.data?.creditMappingUpdate).toEqual({ creditMapping: { ...mapping, credits: 4.5, courseEquivalent: null, minMasteryLevel: null }, userErrors: [] });

      const read = await api.gql(`query($id: ID!) { creditMapping(id: $id) { credits } }`, { id: mapping.id });
      expect(read.data?.creditMapping).toEqual({ credits: 4.5 });
      const deleted = await edit(MAPPING_DELETE, { id: mapping.id });
      expect(deleted.data?.creditMappingDelete).toEqual({ deletedId: mapping.id, userErrors: [] });
      const after = await api.gql(`query($id: ID!) { articulationAgreement(id: $id) { mappingCount mappings { id } } }`, { id: gid(agreement) });
      expect(after.data?.articulationAgreement).toEqual({ mappingCount: 0, mappings: [] });
    });

    it('refuses negative credits, long course codes, levels under 1 and a credential mapped twice, writing nothing', async () => {
      const agreement = await makeAgreement(api.db, program, { title: 'Strict mappings' });
      const existing = await makeMapping(api.db, agreement.id, fundamentals.id, { credits: 3 });
      const before = await countOf('credit_mapping');
      const input = { agreementId: gid(agreement), credentialId: gid(networkBasics), credits: 4 };
      const bad = await edit(MAPPING_CREATE, { input: { ...input, credits: -1, courseEquivalent: 'C'.repeat(41), minMasteryLevel: 0 } });
      expect(fieldsOf(bad.data?.creditMappingCreate.userErrors)).toEqual(['input.courseEquivalent:TOO_LONG', 'input.credits:OUT_OF_RANGE', 'input.minMasteryLevel:OUT_OF_RANGE']);
      const duplicate = await edit(MAPPING_CREATE, { input: { ...input, credentialId: gid(fundamentals) } });
      expect(duplicate.data?.creditMappingCreate).toEqual({ creditMapping: null, userErrors: [{ field: ['input', 'credentialId'], code: 'TAKEN' }] });
      expect(await countOf('credit_mapping')).toBe(before);

      const negativeUpdate = await api.gql(MAPPING_UPDATE, { input: { id: gid(existing), credits: -0.5 } });
      expect(negativeUpdate.data?.creditMappingUpdate.userErrors).toEqual([{ field: ['input', 'credits'], code: 'OUT_OF_RANGE' }]);
      const cleared = await api.gql(MAPPING_UPDATE, { input: { id: gid(existing), credits: null } });
      expect(cleared.data?.creditMappingUpdate.userErrors).toEqual([{ field: ['input', 'credits'], code: 'REQUIRED' }]);
      expect(await api.db.query('SELECT credits::float AS credits FROM credit_mapping WHERE id = $1', [existing.id])).toEqual([{ credits: 3 }]);

      const elsewhere = await makeAgreement(api.db, program, { title: 'Another agreement' });
      const sameCredentialElsewhere = await edit(MAPPING_CREATE, { input: { ...input, agreementId: gid(elsewhere), credentialId: gid(fundamentals) } });
      expect(sameCredentialElsewhere.data?.creditMappingCreate.userErrors).toEqual([]);
    });

    it('reports unknown and wrong-type IDs on the field', async () => {
      const agreement = await makeAgreement(api.db, program, { title: 'Reference checks' });
      const before = await countOf('credit_mapping');
      const create = async (input: Record<string, unknown>) =>
        (await edit(MAPPING_CREATE, { input: { agreementId: gid(agreement), credentialId: gid(networkBasics), credits: 4, ...input } })).data?.creditMappingCreate.userErrors;
      expect(await create({ credentialId: missingId('Credential') })).toEqual([{ field: ['input', 'credentialId'], code: 'NOT_FOUND' }]);
      expect(await create({ agreementId: missingId('ArticulationAgreement') })).toEqual([{ field: ['input', 'agreementId'], code: 'NOT_FOUND' }]);
      expect(await create({ agreementId: gid(program) })).toEqual([{ field: ['input', 'agreementId'], code: 'INVALID_ID' }]);
      expect(await create({ credentialId: gid(itSupport) })).toEqual([{ field: ['input', 'credentialId'], code: 'INVALID_ID' }]);
      expect(await countOf('credit_mapping')).toBe(before);
      const missingUpdate = await api.gql(MAPPING_UPDATE, { input: { id: missingId('CreditMapping'), credits: 1 } });
      expect(missingUpdate.data?.creditMappingUpdate.userErrors).toEqual([{ field: ['input', 'id'], code: 'NOT_FOUND' }]);
    });
  });

  it('resolves every relation of a page in a number of statements that does not grow with the page', async () => {
    const home = await makeInstitution(api.db, { region: 'Statement Count' });
    const pathway = await insertPathway(api.db, home.id, { title: 'Counted pathway' });
    for (let i = 0; i < 8; i += 1) {
      const counted = await makeProgram(api.db, home.id, { title: `Counted program ${i}` });
      const agreement = await makeAgreement(api.db, counted, {
        title: `Counted agreement ${i}`, issuerInstitutionId: i % 2 === 0 ? home.id : null, issuerEmployerId: i % 2 === 0 ? null : employer.id,
        blockPathwayId: pathway.id, blockCredits: 2,
      });
      await makeMapping(api.db, agreement.id, fundamentals.id);
      await makeMapping(api.db, agreement.id, networkBasics.id);
    }
    const query = `query($first: Int!) {
      degreePrograms(first: $first, filter: { region: "Statement Count" }) {
        nodes { title institution { name } agreements {
          title mappingCount issuer { __typename } degreeProgram { title } blockPathway { title }
          mappings { credits agreement { title } credential { title } }
        } }
      }
    }`;
    const small = await api.gql(query, { first: 2 });
    const large = await api.gql(query, { first: 8 });
    expect(small.errors).toBeUndefined();
    expect(large.data?.degreePrograms.nodes).toHaveLength(8);
    expect(large.data?.degreePrograms.nodes[7].agreements[0].mappingCount).toBe(2);
    expect(small.statements).toBeGreaterThan(0);
    expect(large.statements).toBe(small.statements);
  });
});
