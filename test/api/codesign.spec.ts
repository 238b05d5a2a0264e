import { DataSource } from 'typeorm';
import { Role } from '../../api/src/modules/accounts/user.entity';
import { Alignment, AlignmentStrength } from '../../api/src/modules/credentials/alignment.entity';
import { Assessment, AssessmentMethod } from '../../api/src/modules/credentials/assessment.entity';
import { Credential, CredentialStatus, DeliveryMode } from '../../api/src/modules/credentials/credential.entity';
import { CredentialPrerequisite } from '../../api/src/modules/credentials/credential-prerequisite.entity';
import { LearningOutcome } from '../../api/src/modules/credentials/learning-outcome.entity';
import { Endorsement } from '../../api/src/modules/pathways/endorsement.entity';
import { Pathway, PathwayStatus } from '../../api/src/modules/pathways/pathway.entity';
import { PathwayDestination } from '../../api/src/modules/pathways/pathway-destination.entity';
import { PartnerRole, PathwayPartner } from '../../api/src/modules/pathways/pathway-partner.entity';
import { PathwayStage, StageRequirement } from '../../api/src/modules/pathways/pathway-stage.entity';
import { StageCredential } from '../../api/src/modules/pathways/stage-credential.entity';
import { startTestApi, TestApi } from '../support/api';
import { gid, insert, linkCore, makeCompetency, makeEmployer, makeFramework, makeInstitution, makeOccupation, makeUser, tokenFor } from '../support/factories';

async function credential(db: DataSource, institutionId: number, title: string, options: { assessed?: boolean; status?: CredentialStatus } = {}) {
  const row = await insert(db, Credential, {
    title, issuerInstitutionId: institutionId, level: 2, workloadHours: 30, creditValue: 3,
    deliveryMode: DeliveryMode.HYBRID, status: options.status ?? CredentialStatus.PUBLISHED,
  });
  if (options.assessed ?? true) await insert(db, Assessment, { credentialId: row.id, method: AssessmentMethod.TASK, description: 'Practical task' });
  return row;
}

async function align(db: DataSource, credentialId: number, competencyId: number, strength: AlignmentStrength) {
  const outcome = await insert(db, LearningOutcome, { credentialId, position: 1, statement: `Outcome for ${competencyId}` });
  await insert(db, Alignment, { outcomeId: outcome.id, competencyId, strength });
  return outcome;
}

const STEP = (name: string) => `mutation($id: ID!) { ${name}(input: { id: $id }) { pathway { id status version } userErrors { field code message } } }`;

describe('co-design: lifecycle, coverage, readiness and comments', () => {
  let api: TestApi;
  let college: { id: number };
  let tokens: Record<'staff' | 'validator' | 'contributor' | 'otherStaff' | 'outsider', string>;
  let core: { id: number }[];
  let occupationId: number;
  let validatorEmployer: { id: number };

  /** A draft with two stages of published, assessed credentials, partners and a destination. */
  async function draftPathway(title: string, credentials?: { id: number }[]) {
    const creds = credentials ?? [await credential(api.db, college.id, `${title} A`), await credential(api.db, college.id, `${title} B`)];
    const pathway = await insert(api.db, Pathway, { title, ownerInstitutionId: college.id, status: PathwayStatus.DRAFT });
    for (const [index, cred] of creds.entries()) {
      const stage = await insert(api.db, PathwayStage, { pathwayId: pathway.id, position: index + 1, title: `Stage ${index + 1}`, requirement: StageRequirement.ALL });
      await insert(api.db, StageCredential, { stageId: stage.id, credentialId: cred.id, position: 0 });
    }
    await insert(api.db, PathwayDestination, { pathwayId: pathway.id, occupationId });
    return { pathway, credentials: creds };
  }

  beforeAll(async () => {
    api = await startTestApi();
    college = await makeInstitution(api.db);
    const otherCollege = await makeInstitution(api.db);
    validatorEmployer = await makeEmployer(api.db);
    const contributorEmployer = await makeEmployer(api.db);
    const outsiderEmployer = await makeEmployer(api.db);
    const occupation = await makeOccupation(api.db);
    occupationId = occupation.id;
    const framework = await makeFramework(api.db);
    core = await Promise.all(['K-1', 'S-2', 'T-3'].map((code) => makeCompetency(api.db, framework.id, { code })));
    for (const competency of core) await linkCore(api.db, occupation.id, competency.id);
    const users = {
      staff: await makeUser(api.db, Role.INSTITUTION_STAFF, { institutionId: college.id }),
      validator: await makeUser(api.db, Role.EMPLOYER_PARTNER, { employerId: validatorEmployer.id }),
      contributor: await makeUser(api.db, Role.EMPLOYER_PARTNER, { employerId: contributorEmployer.id }),
      otherStaff: await makeUser(api.db, Role.INSTITUTION_STAFF, { institutionId: otherCollege.id }),
      outsider: await makeUser(api.db, Role.EMPLOYER_PARTNER, { employerId: outsiderEmployer.id }),
    };
    tokens = Object.fromEntries(await Promise.all(Object.entries(users).map(async ([key, user]) => [key, await tokenFor(api, user.email)]))) as typeof tokens;
    (globalThis as { partners?: number[] }).partners = [validatorEmployer.id, contributorEmployer.id];
  });
  afterAll(() => api.close());

  async function withPartners(pathwayId: number) {
    const [validator, contributor] = (globalThis as unknown as { partners: number[] }).partners;
    await insert(api.db, PathwayPartner, { pathwayId, employerId: validator, role: PartnerRole.VALIDATOR });
    await insert(api.db, PathwayPartner, { pathwayId, employerId: contributor, role: PartnerRole.CONTRIBUTOR });
  }

  it('reports coverage of the destination\'s core competencies, with RELATED shown but not counted', async () => {
    const a = await credential(api.db, college.id, 'Coverage A');
    const b = await credential(api.db, college.id, 'Coverage B');
    await align(api.db, a.id, core[0].id, AlignmentStrength.EXACT);
    await align(api.db, b.id, core[1].id, AlignmentStrength.PARTIAL);
    await align(api.db, b.id, core[2].id, AlignmentStrength.RELATED);
    const { pathway } = await draftPathway('Coverage', [a, b]);
    const result = await api.gql(
      `query($id: ID!) { pathway(id: $id) { coverage { coreCount coveredCount ratio covered { competency { code } by { credential { title } strength } } uncovered { code } relatedOnly { competency { code } by { credential { title } strength } } } } }`,
      { id: gid(pathway) },
    );
    expect(result.data?.pathway.coverage).toEqual({
      coreCount: 3,
      coveredCount: 2,
      ratio: 0.6667,
      covered: [
        { competency: { code: 'K-1' }, by: [{ credential: { title: 'Coverage A' }, strength: 'EXACT' }] },
        { competency: { code: 'S-2' }, by: [{ credential: { title: 'Coverage B' }, strength: 'PARTIAL' }] },
      ],
      uncovered: [{ code: 'T-3' }],
      relatedOnly: [{ competency: { code: 'T-3' }, by: [{ credential: { title: 'Coverage B' }, strength: 'RELATED' }] }],
    });
  });

  it('runs the full lifecycle from draft to published to a published revision', async () => {
    const { pathway } = await draftPathway('Lifecycle');
    await withPartners(pathway.id);
    const id = gid(pathway);

    const submitted = await api.gql(STEP('pathwaySubmitForReview'), { id }, { token: tokens.contributor });
    expect(submitted.data?.pathwaySubmitForReview.pathway.status).toBe('IN_REVIEW');

    const notValidator = await api.gql(STEP('pathwayApprove'), { id }, { token: tokens.contributor });
    expect(notValidator.data?.pathwayApprove.userErrors).toEqual([expect.objectContaining({ code: 'ROLE_NOT_ALLOWED' })]);
    const approved = await api.gql(STEP('pathwayApprove'), { id }, { token: tokens.validator });
    expect(approved.data?.pathwayApprove.pathway.status).toBe('APPROVED');
    const approver = await api.db.query(`SELECT u.display_name AS name, e.name AS employer FROM app_user u JOIN employer e ON e.id = u.employer_id WHERE e.id = $1`, [validatorEmployer.id]);
    const approvedBy = async (token: string | null) => (await api.gql(`query($id: ID!) { pathway(id: $id) { approvedBy } }`, { id }, { token })).data?.pathway?.approvedBy;
    expect(await approvedBy(tokens.staff)).toBe(`${approver[0].name} (${approver[0].employer})`);

    const unendorsed = await api.gql(STEP('pathwayPublish'), { id }, { token: tokens.staff });
    expect(unendorsed.data?.pathwayPublish.userErrors.map((e: { code: string }) => e.code)).toEqual(['NOT_READY']);
    await insert(api.db, Endorsement, { pathwayId: pathway.id, employerId: validatorEmployer.id, statement: 'We hire from this pathway', signatoryName: 'Pat Lee' });
    const byPartner = await api.gql(STEP('pathwayPublish'), { id }, { token: tokens.validator });
    expect(byPartner.data?.pathwayPublish.userErrors).toEqual([expect.objectContaining({ code: 'ROLE_NOT_ALLOWED' })]);
    const published = await api.gql(STEP('pathwayPublish'), { id }, { token: tokens.staff });
    expect(published.data?.pathwayPublish).toEqual({ pathway: { id, status: 'PUBLISHED', version: 1 }, userErrors: [] });
    expect((await api.gql(`query($id: ID!) { pathway(id: $id) { title } }`, { id }, { token: null })).data?.pathway.title).toBe('Lifecycle');
    expect(await approvedBy(null)).toBeNull();

    const again = await api.gql(STEP('pathwaySubmitForReview'), { id }, { token: tokens.staff });
    expect(again.data?.pathwaySubmitForReview.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE', field: ['input', 'id'] })]);

    const revision = await api.gql(STEP('pathwayStartRevision'), { id }, { token: tokens.contributor });
    const draft = revision.data?.pathwayStartRevision.pathway;
    expect(draft).toMatchObject({ status: 'DRAFT', version: 2 });
    const secondRevision = await api.gql(STEP('pathwayStartRevision'), { id }, { token: tokens.staff });
    expect(secondRevision.data?.pathwayStartRevision.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_STATE' })]);

    const versions = await api.gql(
      `query($id: ID!) { pathway(id: $id) { versions { version status stages { position credentials { title } } } } }`,
      { id: draft.id },
      { token: tokens.staff },
    );
    expect(versions.data?.pathway.versions).toEqual([
      { version: 1, status: 'PUBLISHED', stages: [{ position: 1, credentials: [{ title: 'Lifecycle A' }] }, { position: 2, credentials: [{ title: 'Lifecycle B' }] }] },
      { version: 2, status: 'DRAFT', stages: [{ position: 1, credentials: [{ title: 'Lifecycle A' }] }, { position: 2, credentials: [{ title: 'Lifecycle B' }] }] },
    ]);
    const publicView = await api.gql(`query($id: ID!) { pathway(id: $id) { versions { version } } }`, { id }, { token: null });
    expect(publicView.data?.pathway.versions).toEqual([{ version: 1 }]);
    const hiddenDraft = await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: draft.id }, { token: null });
    expect(hiddenDraft.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(hiddenDraft.data?.node).toBeNull();

    await api.gql(STEP('pathwaySubmitForReview'), { id: draft.id }, { token: tokens.staff });
    await api.gql(STEP('pathwayApprove'), { id: draft.id }, { token: tokens.validator });
    const draftId = Number(Buffer.from(draft.id, 'base64url').toString().split(':')[1]);
    await insert(api.db, Endorsement, { pathwayId: draftId, employerId: validatorEmployer.id, statement: 'Still hiring', signatoryName: 'Pat Lee' });
    const second = await api.gql(STEP('pathwayPublish'), { id: draft.id }, { token: tokens.staff });
    expect(second.data?.pathwayPublish.pathway.status).toBe('PUBLISHED');
    const statuses = await api.db.query(`SELECT version, status FROM pathway WHERE lineage_id = $1 ORDER BY version`, [pathway.lineageId]);
    expect(statuses).toEqual([{ version: 1, status: 'RETIRED' }, { version: 2, status: 'PUBLISHED' }]);
  });

  it('asks for changes with a change request the partners can see and resolve', async () => {
    const { pathway } = await draftPathway('Review');
    await withPartners(pathway.id);
    const id = gid(pathway);
    await api.gql(STEP('pathwaySubmitForReview'), { id }, { token: tokens.staff });
    const asked = await api.gql(
      `mutation($id: ID!) { pathwayRequestChanges(input: { id: $id, note: "Add a safety module" }) { pathway { status comments { kind body authorName } } userErrors { code } } }`,
      { id },
      { token: tokens.validator },
    );
    expect(asked.data?.pathwayRequestChanges.pathway).toEqual({
      status: 'CHANGES_REQUESTED',
      comments: [{ kind: 'CHANGE_REQUEST', body: 'Add a safety module', authorName: 'EMPLOYER_PARTNER user' }],
    });
    const stageRows = await api.db.query(`SELECT id FROM pathway_stage WHERE pathway_id = $1 ORDER BY position`, [pathway.id]);
    const stageId = Buffer.from(`PathwayStage:${stageRows[1].id}`).toString('base64url');
    const added = await api.gql(
      `mutation($p: ID!, $s: ID!) { pathwayCommentAdd(input: { pathwayId: $p, stageId: $s, body: "Stage 2 needs a lab" }) { comment { id stage { position } } userErrors { code } } }`,
      { p: id, s: stageId },
      { token: tokens.contributor },
    );
    expect(added.data?.pathwayCommentAdd.comment.stage).toEqual({ position: 2 });
    const outsider = await api.gql(
      `mutation($p: ID!) { pathwayCommentAdd(input: { pathwayId: $p, body: "Let me in" }) { userErrors { code } } }`,
      { p: id },
      { token: tokens.outsider },
    );
    expect(outsider.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const resolved = await api.gql(
      `mutation($c: ID!) { pathwayCommentResolve(input: { id: $c, resolution: DONE, note: "Lab added" }) { comment { resolution resolutionNote } userErrors { code } } }`,
      { c: added.data?.pathwayCommentAdd.comment.id },
      { token: tokens.staff },
    );
    expect(resolved.data?.pathwayCommentResolve).toEqual({ comment: { resolution: 'DONE', resolutionNote: 'Lab added' }, userErrors: [] });
    const blocked = await api.gql(STEP('pathwaySubmitForReview'), { id }, { token: tokens.contributor });
    expect(blocked.data?.pathwaySubmitForReview).toEqual({
      pathway: null,
      userErrors: [{ field: ['input', 'id'], code: 'OPEN_CHANGE_REQUEST', message: expect.stringContaining('"Add a safety module"') }],
    });
    const [request] = await api.db.query(`SELECT id FROM pathway_comment WHERE pathway_id = $1 AND kind = 'CHANGE_REQUEST'`, [pathway.id]);
    await api.gql(
      `mutation($c: ID!) { pathwayCommentResolve(input: { id: $c, resolution: DONE, note: "Safety module added" }) { userErrors { code } } }`,
      { c: Buffer.from(`PathwayComment:${request.id}`).toString('base64url') },
      { token: tokens.contributor },
    );
    const resubmitted = await api.gql(STEP('pathwaySubmitForReview'), { id }, { token: tokens.contributor });
    expect(resubmitted.data?.pathwaySubmitForReview.pathway.status).toBe('IN_REVIEW');
    const otherCollege = await api.gql(`query($id: ID!) { pathway(id: $id) { comments { body } } }`, { id }, { token: tokens.otherStaff });
    expect(otherCollege.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('blocks approving and publishing while a change request is open, whoever raised it', async () => {
    const { pathway } = await draftPathway('Blocked');
    await withPartners(pathway.id);
    const id = gid(pathway);
    await api.gql(STEP('pathwaySubmitForReview'), { id }, { token: tokens.staff });
    await api.gql(`mutation($p: ID!) { pathwayCommentAdd(input: { pathwayId: $p, kind: CHANGE_REQUEST, body: "Name the lab hours" }) { userErrors { code } } }`, { p: id }, { token: tokens.contributor });
    const approve = await api.gql(STEP('pathwayApprove'), { id }, { token: tokens.validator });
    expect(approve.data?.pathwayApprove.userErrors).toEqual([{ field: ['input', 'id'], code: 'OPEN_CHANGE_REQUEST', message: expect.stringContaining('approved') }]);
    await api.db.query(`UPDATE pathway SET status = 'APPROVED' WHERE id = $1`, [pathway.id]);
    const publish = await api.gql(STEP('pathwayPublish'), { id }, { token: tokens.staff });
    expect(publish.data?.pathwayPublish.userErrors.map((error: { code: string }) => error.code)).toEqual(['OPEN_CHANGE_REQUEST']);
    expect((await api.db.query(`SELECT status FROM pathway WHERE id = $1`, [pathway.id]))[0].status).toBe('APPROVED');
    await api.db.query(`UPDATE pathway_comment SET resolution = 'WONT_DO', resolved_at = now() WHERE pathway_id = $1`, [pathway.id]);
    await insert(api.db, Endorsement, { pathwayId: pathway.id, employerId: validatorEmployer.id, statement: 'We hire from this pathway', signatoryName: 'Pat Lee' });
    const published = await api.gql(STEP('pathwayPublish'), { id }, { token: tokens.staff });
    expect(published.data?.pathwayPublish).toMatchObject({ pathway: { status: 'PUBLISHED' }, userErrors: [] });
  });

  it('lists the versions in review that the viewer\'s employer validates, the earliest review date first', async () => {
    const later = (await draftPathway('Queue later')).pathway;
    const sooner = (await draftPathway('Queue sooner')).pathway;
    const draft = (await draftPathway('Queue draft')).pathway;
    for (const pathway of [later, sooner, draft]) await withPartners(pathway.id);
    await api.db.query(`UPDATE pathway SET status = 'IN_REVIEW', review_due_on = CASE id WHEN $1 THEN date '2027-03-01' ELSE date '2027-01-15' END WHERE id = ANY($2)`, [later.id, [later.id, sooner.id]]);
    const queue = async (token: string) => {
      const result = await api.gql(`{ pathwayReviewQueue { title reviewDueOn } }`, {}, { token });
      expect(result.errors).toBeUndefined();
      return result.data!.pathwayReviewQueue.filter((pathway: { title: string }) => pathway.title.startsWith('Queue'));
    };
    expect(await queue(tokens.validator)).toEqual([{ title: 'Queue sooner', reviewDueOn: '2027-01-15' }, { title: 'Queue later', reviewDueOn: '2027-03-01' }]);
    expect(await queue(tokens.contributor)).toEqual([]);
    expect(await queue(tokens.staff)).toEqual([]);
  });

  describe('starting a pathway', () => {
    const START = `mutation($input: PathwayStartInput!) {
      pathwayStart(input: $input) {
        pathway { title status version revision ownerInstitution { id } destinations { id } partners { role employer { id } } }
        userErrors { field code message }
      }
    }`;
    const start = async (input: Record<string, unknown>, token: string) => {
      const result = await api.gql(START, { input }, { token });
      expect(result.errors).toBeUndefined();
      return result.data!.pathwayStart;
    };
    const ids = () => ({ occupation: Buffer.from(`Occupation:${occupationId}`).toString('base64url'), college: Buffer.from(`Institution:${college.id}`).toString('base64url') });
    const employer = (employerId: number) => Buffer.from(`Employer:${employerId}`).toString('base64url');

    it('lets the owning college\'s staff start a draft with its destination and partners in their roles', async () => {
      const [validator, contributor] = (globalThis as unknown as { partners: number[] }).partners;
      const started = await start({
        occupationId: ids().occupation, ownerInstitutionId: ids().college,
        partners: [{ employerId: employer(validator), role: 'VALIDATOR' }, { employerId: employer(contributor), role: 'LEAD' }],
      }, tokens.staff);
      expect(started.userErrors).toEqual([]);
      const occupation = await api.db.query(`SELECT title FROM occupation WHERE id = $1`, [occupationId]);
      expect(started.pathway).toMatchObject({ title: occupation[0].title, status: 'DRAFT', version: 1, revision: 1, ownerInstitution: { id: ids().college }, destinations: [{ id: ids().occupation }] });
      expect(started.pathway.partners).toEqual(expect.arrayContaining([{ role: 'VALIDATOR', employer: { id: employer(validator) } }, { role: 'LEAD', employer: { id: employer(contributor) } }]));
      expect(started.pathway.partners).toHaveLength(2);
    });

    it('makes an employer partner who starts one its lead, and leaves inviting others to the college', async () => {
      const started = await start({ occupationId: ids().occupation, ownerInstitutionId: ids().college, title: 'Field technician' }, tokens.validator);
      expect(started.userErrors).toEqual([]);
      expect(started.pathway).toMatchObject({ title: 'Field technician', partners: [{ role: 'LEAD', employer: { id: employer(validatorEmployer.id) } }] });
      const [, contributor] = (globalThis as unknown as { partners: number[] }).partners;
      const inviting = await start({ occupationId: ids().occupation, ownerInstitutionId: ids().college, partners: [{ employerId: employer(contributor), role: 'CONTRIBUTOR' }] }, tokens.validator);
      expect(inviting).toEqual({ pathway: null, userErrors: [{ field: ['input', 'partners', '0', 'employerId'], code: 'ROLE_NOT_ALLOWED', message: expect.any(String) }] });
    });

    it('refuses another college\'s staff, missing records and a partner listed twice, writing nothing', async () => {
      const before = (await api.db.query(`SELECT count(*)::int AS n FROM pathway`))[0].n;
      expect((await start({ occupationId: ids().occupation, ownerInstitutionId: ids().college }, tokens.otherStaff)).userErrors).toEqual([
        { field: ['input', 'ownerInstitutionId'], code: 'ROLE_NOT_ALLOWED', message: expect.any(String) },
      ]);
      expect((await start({ occupationId: Buffer.from('Occupation:999999').toString('base64url'), ownerInstitutionId: ids().college }, tokens.staff)).userErrors).toEqual([
        { field: ['input', 'occupationId'], code: 'NOT_FOUND', message: expect.any(String) },
      ]);
      const twice = [{ employerId: employer(validatorEmployer.id), role: 'LEAD' }, { employerId: employer(validatorEmployer.id), role: 'VALIDATOR' }];
      expect((await start({ occupationId: ids().occupation, ownerInstitutionId: ids().college, partners: twice }, tokens.staff)).userErrors).toEqual([
        { field: ['input', 'partners', '1', 'employerId'], code: 'TAKEN', message: expect.any(String) },
      ]);
      expect((await api.db.query(`SELECT count(*)::int AS n FROM pathway`))[0].n).toBe(before);
    });
  });

  describe('publish readiness lists every unmet check, each for its own reason', () => {
    const readiness = async (pathwayId: number) =>
      (await api.gql(`query($id: ID!) { pathway(id: $id) { publishReadiness { ready unmet { check } } } }`, { id: Buffer.from(`Pathway:${pathwayId}`).toString('base64url') }))
        .data?.pathway.publishReadiness;

    it('passes when everything holds', async () => {
      const { pathway } = await draftPathway('Ready');
      await insert(api.db, Endorsement, { pathwayId: pathway.id, employerId: validatorEmployer.id, statement: 'Yes', signatoryName: 'A' });
      expect(await readiness(pathway.id)).toEqual({ ready: true, unmet: [] });
    });

    it('fails each check alone', async () => {
      const endorse = (pathwayId: number) => insert(api.db, Endorsement, { pathwayId, employerId: validatorEmployer.id, statement: 'Yes', signatoryName: 'A' });

      const single = await draftPathway('Single', [await credential(api.db, college.id, 'Only one')]);
      await endorse(single.pathway.id);
      expect(await readiness(single.pathway.id)).toEqual({ ready: false, unmet: [{ check: 'MIN_TWO_CREDENTIALS' }] });

      const badge = await draftPathway('Badge', [await credential(api.db, college.id, 'Assessed'), await credential(api.db, college.id, 'Participation', { assessed: false })]);
      await endorse(badge.pathway.id);
      expect(await readiness(badge.pathway.id)).toEqual({ ready: false, unmet: [{ check: 'CREDENTIALS_PUBLISHED_AND_ASSESSED' }] });

      const impossible = await draftPathway('Impossible');
      await endorse(impossible.pathway.id);
      await api.db.query(`UPDATE pathway_stage SET requirement = 'AT_LEAST', required_count = 2 WHERE pathway_id = $1 AND position = 1`, [impossible.pathway.id]);
      expect(await readiness(impossible.pathway.id)).toEqual({ ready: false, unmet: [{ check: 'STAGE_REQUIREMENTS_VALID' }] });

      const circular = await draftPathway('Circular');
      await endorse(circular.pathway.id);
      const [a, b] = circular.credentials;
      await insert(api.db, CredentialPrerequisite, { credentialId: a.id, prerequisiteId: b.id });
      await insert(api.db, CredentialPrerequisite, { credentialId: b.id, prerequisiteId: a.id });
      expect(await readiness(circular.pathway.id)).toEqual({ ready: false, unmet: [{ check: 'NO_PREREQUISITE_CYCLE' }] });

      const unendorsed = await draftPathway('Unendorsed');
      await insert(api.db, Endorsement, { pathwayId: unendorsed.pathway.id, employerId: validatorEmployer.id, statement: 'Lapsed', signatoryName: 'A', endorsedOn: '2020-01-01', expiresOn: '2021-01-01' });
      expect(await readiness(unendorsed.pathway.id)).toEqual({ ready: false, unmet: [{ check: 'CURRENT_ENDORSEMENT' }] });
    });
  });
});
