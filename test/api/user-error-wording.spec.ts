import { startTestApi, TestApi } from '../support/api';
import { makeAgreement, makeProgram } from '../support/factories/articulation';
import { makeCredential, makeOutcome } from '../support/factories/credentials';
import { gid, makeCompetency, makeEmployer, makeFramework, makeInstitution, makeOccupation } from '../support/factories';
import { makePathway, makeStage } from '../support/factories/pathways';

const ERRORS = 'userErrors { field message code }';

/** What the console shows of a refused save is the API's message: it names fields and records as people do. */
describe('user errors in the user\'s words', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('a second alignment names the competency and the outcome, not outcomeId and competencyId', async () => {
    const college = await makeInstitution(api.db);
    const framework = await makeFramework(api.db);
    const competency = await makeCompetency(api.db, framework.id, { code: 'AH-5.2', statement: 'Applies sterile technique' });
    const credential = await makeCredential(api.db, college.id);
    const outcome = await makeOutcome(api.db, credential.id, { statement: 'Prepares a sterile field' });
    const create = `mutation($input: AlignmentCreateInput!) { alignmentCreate(input: $input) { ${ERRORS} } }`;
    const input = { outcomeId: gid(outcome), competencyId: gid(competency), strength: 'EXACT' };
    expect((await api.gql(create, { input })).data?.alignmentCreate.userErrors).toEqual([]);
    const again = (await api.gql(create, { input })).data?.alignmentCreate.userErrors;
    expect(again).toEqual([{
      field: ['input', 'competencyId'],
      message: 'AH-5.2 Applies sterile technique is already aligned to the outcome "Prepares a sterile field"',
      code: 'TAKEN',
    }]);
  });

  it('a negative credit names the field in words', async () => {
    const college = await makeInstitution(api.db);
    const program = await makeProgram(api.db, college.id);
    const agreement = await makeAgreement(api.db, program);
    const credential = await makeCredential(api.db, college.id, { title: 'Phlebotomy Basics' });
    const create = `mutation($input: CreditMappingCreateInput!) { creditMappingCreate(input: $input) { ${ERRORS} } }`;
    const refused = (await api.gql(create, { input: { agreementId: gid(agreement), credentialId: gid(credential), credits: -1, minMasteryLevel: -2 } })).data?.creditMappingCreate.userErrors;
    const messages = refused.map((error: { message: string }) => error.message);
    expect(messages).toContain('Credits must not be less than 0');
    expect(messages.join(' ')).not.toMatch(/\bcredits\b|minMasteryLevel/);
    const ok = await api.gql(create, { input: { agreementId: gid(agreement), credentialId: gid(credential), credits: 3 } });
    expect(ok.data?.creditMappingCreate.userErrors).toEqual([]);
    const twice = (await api.gql(create, { input: { agreementId: gid(agreement), credentialId: gid(credential), credits: 2 } })).data?.creditMappingCreate.userErrors;
    expect(twice).toEqual([{ field: ['input', 'credentialId'], message: `Phlebotomy Basics already has a credit mapping in ${agreement.title}`, code: 'TAKEN' }]);
  });

  it('partners, destinations and stage credentials already there are named by title', async () => {
    const college = await makeInstitution(api.db);
    const pathway = await makePathway(api.db, college.id, { title: 'Sterile Processing Fast Track' });
    const employer = await makeEmployer(api.db, { name: 'Riverside Surgical' });
    const occupation = await makeOccupation(api.db, { title: 'Medical Equipment Preparers' });
    const stage = await makeStage(api.db, pathway.id, 1, { title: 'Foundations' });
    const credential = await makeCredential(api.db, college.id, { title: 'Instrument Care' });
    const twice = async (name: string, input: Record<string, unknown>) => {
      const mutation = `mutation($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${ERRORS} } }`;
      // Each call carries the pathway's current revision, so the second is refused for the duplicate alone.
      const revision = async () => (await api.db.query('SELECT revision FROM pathway WHERE id = $1', [pathway.id]))[0].revision as number;
      expect((await api.gql(mutation, { input: { ...input, expectedRevision: await revision() } })).data?.[name].userErrors).toEqual([]);
      return (await api.gql(mutation, { input: { ...input, expectedRevision: await revision() } })).data?.[name].userErrors.map((error: { message: string }) => error.message);
    };
    expect(await twice('pathwayPartnerCreate', { pathwayId: gid(pathway), employerId: gid(employer), role: 'CONTRIBUTOR' }))
      .toEqual([expect.stringMatching(/^Riverside Surgical is already a partner in Sterile Processing Fast Track$/)]);
    expect(await twice('pathwayDestinationCreate', { pathwayId: gid(pathway), occupationId: gid(occupation) }))
      .toEqual(['Medical Equipment Preparers is already a destination of Sterile Processing Fast Track']);
    expect(await twice('stageCredentialCreate', { stageId: gid(stage), credentialId: gid(credential) }))
      .toEqual(['Instrument Care is already in the stage Foundations']);
  });

  it('another framework code in the same framework says which code', async () => {
    const framework = await makeFramework(api.db, { name: 'Allied Health' });
    const create = `mutation($input: CompetencyCreateInput!) { competencyCreate(input: $input) { ${ERRORS} } }`;
    const input = { frameworkId: gid(framework), code: 'AH-9.1', statement: 'Labels specimens', type: 'KNOWLEDGE' };
    await api.gql(create, { input });
    expect((await api.gql(create, { input })).data?.competencyCreate.userErrors.map((error: { message: string }) => error.message))
      .toEqual(['Allied Health already has a competency coded AH-9.1']);
  });
});
