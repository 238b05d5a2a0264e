import { issueToken } from '../../api/src/modules/accounts/auth.service';
import { Role } from '../../api/src/modules/accounts/user.entity';
import { DegreeProgram } from '../../api/src/modules/articulation/degree-program.entity';
import { Credential } from '../../api/src/modules/credentials/credential.entity';
import { Institution } from '../../api/src/modules/institutions/institution.entity';
import { Learner } from '../../api/src/modules/learners/learner.entity';
import { addDays } from '../../api/src/core/dates';
import { todayIso } from '../../api/src/core/scalars';
import { startTestApi, TestApi } from '../support/api';
import { gid, makeEmployer, makeInstitution, makeUser } from '../support/factories';
import { insertCredential, insertRubric, makeAward, makeClaim, makeLearner, makeProgram } from '../support/factories/articulation';
import { APPLY, csv, fileInput, PREVIEW, runCli, snapshot, xlsx, expectExitedZero } from './bulk-import-support';

describe('bulk import of awards and prior-learning claims', () => {
  let api: TestApi;
  let college: Institution;
  let program: DegreeProgram;
  let ana: Learner;
  let ben: Learner;
  let stranger: Learner;
  let fundamentals: Credential;
  let network: Credential;
  let advisorToken: string;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  beforeEach(async () => {
    await api.db.query('TRUNCATE credit_mapping, award_credential, award, prior_learning_claim, learner, articulation_agreement, degree_program, rubric_level, credential, audit_entry RESTART IDENTITY CASCADE');
    college = await makeInstitution(api.db);
    const elsewhere = await makeInstitution(api.db);
    program = await makeProgram(api.db, college.id, { title: 'AAS Information Technology' });
    ana = await makeLearner(api.db, college.id, { email: 'ana@learners.test' });
    ben = await makeLearner(api.db, college.id, { email: 'ben@learners.test', givenName: 'Ben' });
    stranger = await makeLearner(api.db, elsewhere.id, { email: 'stranger@learners.test' });
    fundamentals = await insertCredential(api.db, college.id, { title: 'IT Support Fundamentals' });
    network = await insertCredential(api.db, college.id, { title: 'Network Basics' });
    await insertRubric(api.db, network.id, 3);
    advisorToken = (await issueToken(await makeUser(api.db, Role.ADVISOR, { institutionId: college.id }))).token;
  });

  describe('awards', () => {
    const header = ['learner_email', 'credential', 'awarded_on', 'mastery_level', 'evidence_url'];

    it('creates, updates and leaves awards unchanged, audits them, signs them on request, and a second import changes nothing', async () => {
      await makeAward(api.db, ana.id, fundamentals.id, { awardedOn: '2024-05-01' });
      await makeAward(api.db, ana.id, network.id, { awardedOn: '2019-03-01', masteryLevel: 1 });
      const file = await xlsx([
        header,
        ['ana@learners.test', 'IT Support Fundamentals', new Date('2024-05-01T00:00:00Z'), null, null], // unchanged; a date cell
        ['ANA@learners.test', 'Network Basics', '2019-03-01', 2, 'https://evidence.test/ana'], // updated
        ['ben@learners.test', 'Network Basics', '2025-09-01', 3, null], // created
      ]);
      const preview = await api.gql(PREVIEW, fileInput('AWARDS', null, file), { token: advisorToken });
      expect(preview.data?.bulkImportPreview.report).toMatchObject({ created: 1, updated: 1, unchanged: 1, rejected: 0 });
      expect(preview.data?.bulkImportPreview.report.rows[0]).toMatchObject({ line: 3, action: 'UPDATE', changes: ['mastery level 1 → 2', 'evidence — → https://evidence.test/ana'] });

      const applied = await api.gql(APPLY, fileInput('AWARDS', null, file, { expectedDigest: preview.data?.bulkImportPreview.report.digest }), { token: advisorToken });
      expect(applied.data?.bulkImportApply).toMatchObject({ report: { created: 1, updated: 1, unchanged: 1 }, userErrors: [] });
      const created = applied.data?.bulkImportApply.report.rows.find((row: { action: string }) => row.action === 'CREATE').record;
      expect(await api.db.query(`SELECT learner_id, awarded_on::text AS on, mastery_level FROM award ORDER BY id`)).toEqual([
        { learner_id: ana.id, on: '2024-05-01', mastery_level: null },
        { learner_id: ana.id, on: '2019-03-01', mastery_level: 2 },
        { learner_id: ben.id, on: '2025-09-01', mastery_level: 3 },
      ]);
      expect(await api.db.query(`SELECT action, record_type FROM audit_entry ORDER BY id`)).toEqual([
        { action: 'CREATE', record_type: 'Award' },
        { action: 'UPDATE', record_type: 'Award' },
      ]);
      // Each learner whose record the import changed counts it once, however many of its rows it wrote.
      expect(await api.db.query(`SELECT id, revision FROM learner ORDER BY id`)).toEqual([
        { id: ana.id, revision: 2 },
        { id: ben.id, revision: 2 },
        { id: stranger.id, revision: 1 },
      ]);
      // An imported award is signed when its credential is first asked for.
      const signed = await fetch(`${api.url}/credentials/${created}`, { headers: { authorization: `Bearer ${advisorToken}` } });
      expect(signed.status).toBe(200);
      expect((await signed.text()).split('.')).toHaveLength(3);

      const before = await snapshot(api);
      const again = await api.gql(APPLY, fileInput('AWARDS', null, file), { token: advisorToken });
      expect(again.data?.bulkImportApply.report).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
      expect(await snapshot(api)).toEqual(before);
    });

    it('rejects unknown learners and credentials, bad dates, levels above the rubric, future dates and duplicates, and writes nothing', async () => {
      const tomorrow = addDays(todayIso(), 1);
      const file = csv([
        header,
        ['nobody@learners.test', 'Network Basics', '2025-01-01', '', ''],
        ['stranger@learners.test', 'Network Basics', '2025-01-01', '', ''],
        ['ana@learners.test', 'Cloud Basics', '2025-01-01', '', ''],
        ['ana@learners.test', 'Network Basics', '2025-02-30', '', ''],
        ['ana@learners.test', 'Network Basics', '2025-01-01', 4, ''],
        ['ana@learners.test', 'Network Basics', tomorrow, '', ''],
        ['ana@learners.test', 'Network Basics', '2025-01-01', '', 'not a url'],
        ['ana@learners.test', 'Network Basics', '2025-01-01', '', ''],
        ['ana@learners.test', 'network basics', '2025-01-01', '', ''],
        ['', 'Network Basics', '2025-01-01', '', ''],
      ]);
      const before = await snapshot(api);
      const preview = await api.gql(PREVIEW, fileInput('AWARDS', null, file), { token: advisorToken });
      const report = preview.data?.bulkImportPreview.report;
      expect(report).toMatchObject({ created: 1, rejected: 9 });
      expect(report.rejectedRows.map((row: { line: number; code: string }) => [row.line, row.code])).toEqual([
        [2, 'LEARNER_NOT_FOUND'],
        [3, 'LEARNER_NOT_FOUND'],
        [4, 'UNKNOWN_CREDENTIAL'],
        [5, 'INVALID_DATE'],
        [6, 'LEVEL_ABOVE_RUBRIC'],
        [7, 'AWARD_DATE_IN_FUTURE'],
        [8, 'INVALID_URL'],
        [10, 'DUPLICATE'],
        [11, 'MISSING_VALUE'],
      ]);
      expect(report.rejectedRows[0].reason).toBe('No learner of yours has the email nobody@learners.test');
      expect(report.rejectedRows[4].reason).toBe('The rubric of Network Basics goes up to level 3, not 4');
      const applied = await api.gql(APPLY, fileInput('AWARDS', null, file), { token: advisorToken });
      expect(applied.data?.bulkImportApply.userErrors[0].code).toBe('INVALID');
      expect(await snapshot(api)).toEqual(before);
    });

    it('imports into one learner\'s record from the learner page, refusing rows about someone else', async () => {
      const file = csv([['credential', 'awarded_on', 'planned', 'learner_email'], ['Network Basics', addDays(todayIso(), 30), 'yes', ''], ['IT Support Fundamentals', '2024-01-01', '', 'ben@learners.test']]);
      const preview = await api.gql(PREVIEW, fileInput('AWARDS', gid(ana), file), { token: advisorToken });
      expect(preview.data?.bulkImportPreview.report).toMatchObject({ created: 1, rejected: 1, rejectedRows: [{ line: 3, code: 'OTHER_LEARNER' }] });
      const strangerImport = await api.gql(PREVIEW, fileInput('AWARDS', gid(stranger), file), { token: advisorToken });
      expect(strangerImport.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const employer = (await issueToken(await makeUser(api.db, Role.EMPLOYER_PARTNER, { employerId: (await makeEmployer(api.db)).id }))).token;
      expect((await api.gql(PREVIEW, fileInput('AWARDS', null, file), { token: employer })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('refuses to change a revoked award', async () => {
      const award = await makeAward(api.db, ana.id, network.id, { awardedOn: '2024-01-01', masteryLevel: 1 });
      await api.db.query(`UPDATE award SET revoked_at = now(), revoked_on = '2024-06-01', revocation_reason = 'error' WHERE id = $1`, [award.id]);
      const preview = await api.gql(PREVIEW, fileInput('AWARDS', gid(ana), csv([['credential', 'awarded_on', 'mastery_level'], ['Network Basics', '2024-01-01', 2]])), { token: advisorToken });
      expect(preview.data?.bulkImportPreview.report.rejectedRows).toEqual([{ line: 2, code: 'AWARD_REVOKED', column: null, reason: 'This award was revoked; a revoked award is not changed by an import' }]);
    });
  });

  describe('prior-learning claims', () => {
    const header = ['learner_email', 'program', 'title', 'evidence', 'credits_requested'];

    it('creates submitted claims, updates submitted ones, refuses to change decided ones, and re-imports as unchanged', async () => {
      await makeClaim(api.db, ana.id, program.id, { title: 'Help desk lead, 3 years', creditsRequested: 6 });
      await makeClaim(api.db, ben.id, program.id, { title: 'Network cabling', creditsRequested: 3, status: 'APPROVED' as never, creditsApproved: 3 });
      const rows = [
        header,
        ['ana@learners.test', 'AAS Information Technology', 'Help desk lead, 3 years', 'Employer letter', 9],
        ['ben@learners.test', gid(program), 'CompTIA A+ holder', 'Certificate 123', 4],
        ['ben@learners.test', 'AAS Information Technology', 'Network cabling', 'Employer letter', 3],
      ];
      const preview = await api.gql(PREVIEW, fileInput('CLAIMS', null, csv(rows)), { token: advisorToken });
      expect(preview.data?.bulkImportPreview.report).toMatchObject({ created: 1, updated: 1, unchanged: 1, rejected: 0 });
      const applied = await api.gql(APPLY, fileInput('CLAIMS', null, csv(rows)), { token: advisorToken });
      expect(applied.data?.bulkImportApply.userErrors).toEqual([]);
      expect(await api.db.query(`SELECT learner_id, title, credits_requested::float AS credits, status FROM prior_learning_claim ORDER BY id`)).toEqual([
        { learner_id: ana.id, title: 'Help desk lead, 3 years', credits: 9, status: 'SUBMITTED' },
        { learner_id: ben.id, title: 'Network cabling', credits: 3, status: 'APPROVED' },
        { learner_id: ben.id, title: 'CompTIA A+ holder', credits: 4, status: 'SUBMITTED' },
      ]);
      const before = await snapshot(api);
      const again = await api.gql(APPLY, fileInput('CLAIMS', null, await xlsx(rows)), { token: advisorToken });
      expect(again.data?.bulkImportApply.report).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
      expect(await snapshot(api)).toEqual(before);

      const decided = await api.gql(PREVIEW, fileInput('CLAIMS', null, csv([header, ['ben@learners.test', 'AAS Information Technology', 'Network cabling', 'Employer letter', 5]])), { token: advisorToken });
      expect(decided.data?.bulkImportPreview.report.rejectedRows).toEqual([{ line: 2, code: 'CLAIM_DECIDED', column: null, reason: 'This claim was already approved; a decided claim is not changed by an import' }]);
    });

    it('rejects unknown and ambiguous programs and bad credits', async () => {
      const other = await makeInstitution(api.db);
      await makeProgram(api.db, other.id, { title: 'BS Cybersecurity' });
      await makeProgram(api.db, (await makeInstitution(api.db)).id, { title: 'BS Cybersecurity' });
      const before = await snapshot(api);
      const preview = await api.gql(PREVIEW, fileInput('CLAIMS', gid(ana), csv([
        ['program', 'title', 'evidence', 'credits_requested'],
        ['AAS Nursing', 'Care work', 'Letter', 3],
        ['BS Cybersecurity', 'SOC analyst', 'Letter', 3],
        ['AAS Information Technology', 'Help desk', 'Letter', -1],
        ['AAS Information Technology', '', 'Letter', 2],
      ])), { token: advisorToken });
      expect(preview.data?.bulkImportPreview.report.rejectedRows.map((row: { code: string }) => row.code)).toEqual(['UNKNOWN_PROGRAM', 'AMBIGUOUS_PROGRAM', 'OUT_OF_RANGE', 'MISSING_VALUE']);
      expect(await snapshot(api)).toEqual(before);
    });

    it('imports claims from the command line', async () => {
      const result = await runCli(api, ['claims', '--learner', gid(ana), '--apply'], {
        name: 'claims.csv',
        content: csv([['program', 'title', 'evidence', 'credits_requested'], ['AAS Information Technology', 'Help desk lead', 'Letter', 6]]),
      });
      expect(result.stdout).toMatch(/^Applied: created 1, updated 0, unchanged 0, rejected 0\n/);
      expectExitedZero(result);
    });
  });
});
