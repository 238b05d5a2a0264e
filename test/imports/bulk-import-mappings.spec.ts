import { issueToken } from '../../api/src/modules/accounts/auth.service';
import { Role } from '../../api/src/modules/accounts/user.entity';
import { ArticulationAgreement } from '../../api/src/modules/articulation/articulation-agreement.entity';
import { Credential } from '../../api/src/modules/credentials/credential.entity';
import { Institution } from '../../api/src/modules/institutions/institution.entity';
import { startTestApi, TestApi } from '../support/api';
import { gid, makeInstitution, makeUser } from '../support/factories';
import { insertCredential, makeAgreement, makeAward, makeLearner, makeMapping, makeProgram } from '../support/factories/articulation';
import { APPLY, csv, fileInput, lyingZipBomb, PREVIEW, runCli, snapshot, upload, xlsx, expectExitedZero } from './bulk-import-support';

const HEADER = ['credential', 'credits', 'course_equivalent', 'min_mastery_level'];

describe('bulk import of credit mappings', () => {
  let api: TestApi;
  let college: Institution;
  let agreement: ArticulationAgreement;
  let fundamentals: Credential;
  let network: Credential;
  let helpDesk: Credential;
  let staffToken: string;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  beforeEach(async () => {
    await api.db.query('TRUNCATE credit_mapping, award, prior_learning_claim, learner, articulation_agreement, degree_program, credential, audit_entry RESTART IDENTITY CASCADE');
    college = await makeInstitution(api.db);
    const program = await makeProgram(api.db, college.id);
    agreement = await makeAgreement(api.db, program);
    fundamentals = await insertCredential(api.db, college.id, { title: 'IT Support Fundamentals' });
    network = await insertCredential(api.db, college.id, { title: 'Network Basics' });
    helpDesk = await insertCredential(api.db, college.id, { title: 'Help Desk Practicum' });
    await makeMapping(api.db, agreement.id, fundamentals.id, { credits: 3, courseEquivalent: 'CIS-105' });
    await makeMapping(api.db, agreement.id, network.id, { credits: 4, courseEquivalent: 'CIS-120' });
    staffToken = (await issueToken(await makeUser(api.db, Role.INSTITUTION_STAFF, { institutionId: college.id }))).token;
  });

  const goodRows = () => [
    HEADER,
    ['IT Support Fundamentals', 3, 'CIS-105', ''], // unchanged
    ['network basics', 5, 'CIS-120', 2], // updated: credits and level; titles match in any case
    ['Help Desk Practicum', 3, 'CIS-198', ''], // created
  ];

  it('previews an XLSX file: rows to create, update and leave unchanged, writing nothing', async () => {
    const before = await snapshot(api);
    const result = await api.gql(PREVIEW, fileInput('MAPPINGS', gid(agreement), await xlsx(goodRows())), { token: staffToken });
    expect(result.data?.bulkImportPreview.userErrors).toEqual([]);
    const report = result.data?.bulkImportPreview.report;
    expect(report).toMatchObject({ kind: 'MAPPINGS', format: 'XLSX', applied: false, created: 1, updated: 1, unchanged: 1, rejected: 0, rejectedRows: [] });
    expect(report.rows).toEqual([
      { line: 3, action: 'UPDATE', summary: 'Network Basics → 5 credits (CIS-120), level 2 or above', changes: ['credits 4 → 5', 'minimum level — → 2'], record: expect.any(String) },
      { line: 4, action: 'CREATE', summary: 'Help Desk Practicum → 3 credits (CIS-198)', changes: [], record: null },
      { line: 2, action: 'UNCHANGED', summary: 'IT Support Fundamentals → 3 credits (CIS-105)', changes: [], record: expect.any(String) },
    ]);
    expect(await snapshot(api)).toEqual(before);
  });

  it('applies the previewed file all at once with audit entries, and importing it again changes nothing', async () => {
    const file = await xlsx(goodRows());
    const preview = await api.gql(PREVIEW, fileInput('MAPPINGS', gid(agreement), file), { token: staffToken });
    const digest = preview.data?.bulkImportPreview.report.digest;
    const applied = await api.gql(APPLY, fileInput('MAPPINGS', gid(agreement), file, { expectedDigest: digest }), { token: staffToken });
    expect(applied.data?.bulkImportApply).toMatchObject({ report: { applied: true, created: 1, updated: 1, unchanged: 1, rejected: 0 }, userErrors: [] });
    expect(applied.data?.bulkImportApply.report.rows.every((row: { record: string | null }) => row.record !== null)).toBe(true);

    const mappings = await api.db.query(`SELECT credential_id, credits::float AS credits, course_equivalent, min_mastery_level FROM credit_mapping WHERE agreement_id = $1 ORDER BY credential_id`, [agreement.id]);
    expect(mappings).toEqual([
      { credential_id: fundamentals.id, credits: 3, course_equivalent: 'CIS-105', min_mastery_level: null },
      { credential_id: network.id, credits: 5, course_equivalent: 'CIS-120', min_mastery_level: 2 },
      { credential_id: helpDesk.id, credits: 3, course_equivalent: 'CIS-198', min_mastery_level: null },
    ]);
    const audit = await api.db.query(`SELECT action, record_type, mutation, role, before->>'credits' AS before, after->>'credits' AS after, after->>'credentialId' AS credential FROM audit_entry ORDER BY id`);
    expect(audit).toEqual([
      { action: 'CREATE', record_type: 'CreditMapping', mutation: 'bulkImportApply', role: 'INSTITUTION_STAFF', before: null, after: '3', credential: String(helpDesk.id) },
      { action: 'UPDATE', record_type: 'CreditMapping', mutation: 'bulkImportApply', role: 'INSTITUTION_STAFF', before: '4', after: '5', credential: String(network.id) },
    ]);

    // The import is one edit of the agreement: a page opened before it cannot save over it.
    const revision = async () => (await api.db.query('SELECT revision FROM articulation_agreement WHERE id = $1', [agreement.id]))[0].revision;
    expect(await revision()).toBe(2);

    const before = await snapshot(api);
    const again = await api.gql(APPLY, fileInput('MAPPINGS', gid(agreement), file), { token: staffToken });
    expect(again.data?.bulkImportApply.report).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await snapshot(api)).toEqual(before);
    expect(await revision()).toBe(2);
  });

  it('rejects each bad row with its line and a reason, and refuses to apply the file', async () => {
    const other = await makeInstitution(api.db);
    await insertCredential(api.db, other.id, { title: 'Someone Else\'s Badge' });
    const file = csv([
      HEADER,
      ['IT Support Fundamentals', 'three', '', ''],
      ['Cloud Basics', 3, '', ''],
      ['Someone Else\'s Badge', 3, '', ''],
      ['Help Desk Practicum', 3, 'CIS-198', ''],
      ['help desk practicum', 2, '', ''],
      ['Network Basics', 250, '', ''],
      ['Network Basics', '3,5', '', ''],
      ['', 3, '', ''],
      ['Network Basics', 3, '', '1.5'],
      ['Network Basics', 3, 'CIS-120', '', 'surplus'],
    ]);
    const before = await snapshot(api);
    const preview = await api.gql(PREVIEW, fileInput('MAPPINGS', gid(agreement), file), { token: staffToken });
    const report = preview.data?.bulkImportPreview.report;
    expect(report).toMatchObject({ format: 'CSV', created: 1, rejected: 9 });
    expect(report.rejectedRows.map((row: { line: number; code: string; column: string | null }) => [row.line, row.code, row.column])).toEqual([
      [2, 'INVALID_NUMBER', 'credits'],
      [3, 'UNKNOWN_CREDENTIAL', 'credential'],
      [4, 'UNKNOWN_CREDENTIAL', 'credential'],
      [6, 'DUPLICATE', 'credential'],
      [7, 'OUT_OF_RANGE', 'credits'],
      [8, 'INVALID_NUMBER', 'credits'],
      [9, 'MISSING_VALUE', 'credential'],
      [10, 'INVALID_NUMBER', 'min_mastery_level'],
      [11, 'EXTRA_VALUES', null],
    ]);
    expect(report.rejectedRows[1].reason).toBe('No credential of this agreement\'s issuer is called "Cloud Basics"');
    expect(report.rejectedRows[3].reason).toBe('Help Desk Practicum is already mapped on line 5 of this file');
    expect(report.rejectedRows[5].reason).toBe('credits "3,5" is not a number (write decimals with a point: 3.5)');

    const applied = await api.gql(APPLY, fileInput('MAPPINGS', gid(agreement), file), { token: staffToken });
    expect(applied.data?.bulkImportApply.report).toBeNull();
    expect(applied.data?.bulkImportApply.userErrors).toEqual([{ field: null, code: 'INVALID', message: expect.stringMatching(/^9 rows are rejected \(first on line 2: credits "three" is not a number\): nothing was imported/) }]);
    expect(await snapshot(api)).toEqual(before);
  });

  it('refuses an apply whose preview is stale with CONFLICT, writing nothing', async () => {
    const file = csv(goodRows());
    const preview = await api.gql(PREVIEW, fileInput('MAPPINGS', gid(agreement), file), { token: staffToken });
    await api.db.query(`UPDATE credit_mapping SET credits = 2 WHERE credential_id = $1`, [fundamentals.id]);
    const before = await snapshot(api);
    const applied = await api.gql(APPLY, fileInput('MAPPINGS', gid(agreement), file, { expectedDigest: preview.data?.bulkImportPreview.report.digest }), { token: staffToken });
    expect(applied.data?.bulkImportApply.userErrors).toEqual([{ field: null, code: 'CONFLICT', message: expect.stringContaining('preview the file again') }]);
    expect(await snapshot(api)).toEqual(before);
  });

  it('shows the impact on learners before the mappings are applied', async () => {
    const learner = await makeLearner(api.db, college.id);
    await makeAward(api.db, learner.id, helpDesk.id, { awardedOn: '2025-03-01' });
    await makeAward(api.db, learner.id, network.id, { awardedOn: '2025-03-01', masteryLevel: 3 });
    const result = await api.gql(
      `mutation($input: BulkImportPreviewInput!) { bulkImportPreview(input: $input) { report { impact(asOf: "2026-01-01") { learnersConsidered changes { appliedBefore appliedAfter difference learner { email } } } } } }`,
      fileInput('MAPPINGS', gid(agreement), csv(goodRows())),
      { token: staffToken },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.bulkImportPreview.report.impact).toEqual({
      learnersConsidered: 1,
      changes: [{ appliedBefore: 4, appliedAfter: 8, difference: 4, learner: { email: learner.email } }],
    });
  });

  it('lets only staff of the program\'s college and admins import into its agreement', async () => {
    const other = await makeInstitution(api.db);
    const file = csv(goodRows());
    const before = await snapshot(api);
    for (const [role, institutionId] of [[Role.INSTITUTION_STAFF, other.id], [Role.ADVISOR, college.id]] as const) {
      const token = (await issueToken(await makeUser(api.db, role, { institutionId }))).token;
      const result = await api.gql(APPLY, fileInput('MAPPINGS', gid(agreement), file), { token });
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await api.gql(PREVIEW, fileInput('MAPPINGS', gid(agreement), file), { token: null });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await upload(api, 'mappings', file, { target: gid(agreement), apply: 'true' }, null)).status).toBe(401);
    expect(await snapshot(api)).toEqual(before);
    const admin = await api.gql(APPLY, fileInput('MAPPINGS', gid(agreement), file));
    expect(admin.data?.bulkImportApply.report).toMatchObject({ created: 1, updated: 1 });
  });

  describe('a file that cannot be imported gets a clear answer and changes nothing', () => {
    const refusal = async (content: Buffer) => {
      const before = await snapshot(api);
      const result = await api.gql(PREVIEW, fileInput('MAPPINGS', gid(agreement), content), { token: staffToken });
      const applied = await api.gql(APPLY, fileInput('MAPPINGS', gid(agreement), content), { token: staffToken });
      expect(await snapshot(api)).toEqual(before);
      expect(applied.data?.bulkImportApply.userErrors).toEqual(result.data?.bulkImportPreview.userErrors);
      expect(result.data?.bulkImportPreview.report).toBeNull();
      const [error] = result.data?.bulkImportPreview.userErrors;
      expect(error).toMatchObject({ field: ['input', 'content'], code: 'INVALID' });
      return error.message as string;
    };

    it('wrong columns', async () => {
      expect(await refusal(csv([['credential', 'credit value'], ['Network Basics', 3]]))).toBe(
        'Missing column credits: the header must name the columns, expected credential, credits (and optionally course_equivalent, min_mastery_level)',
      );
      expect(await refusal(await xlsx([[...HEADER, 'notes'], ['Network Basics', 3, '', '', 'x']]))).toMatch(/^Unknown column "notes": expected credential, credits/);
      expect(await refusal(csv([['learner_email', 'credential', 'awarded_on']]))).toMatch(/^Missing column credits/);
    });

    it('a binary file, an old .xls, an empty file and text that is not UTF-8', async () => {
      const binary = Buffer.alloc(4096);
      for (let i = 0; i < binary.length; i += 1) binary[i] = (i * 7919) % 256;
      expect(await refusal(binary)).toBe('This is a binary file, not a CSV or XLSX spreadsheet');
      expect(await refusal(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512, 1)]))).toMatch(/Excel 97-2003 \(\.xls\)/);
      expect(await refusal(Buffer.alloc(0))).toBe('The file is empty');
      expect(await refusal(Buffer.from('credential,credits\nCaf\xe9 Basics,3\n', 'latin1'))).toMatch(/neither an XLSX workbook nor text in UTF-8/);
    });

    it('a damaged XLSX and a zip bomb', async () => {
      const good = await xlsx(goodRows());
      expect(await refusal(good.subarray(0, good.length - 100))).toMatch(/The XLSX file is damaged/);
      // A zip whose one part declares 1 GB unpacked from a few kilobytes.
      const bomb = Buffer.from(good);
      const end = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
      const directory = bomb.readUInt32LE(end + 16);
      bomb.writeUInt32LE(1024 * 1024 * 1024, directory + 24);
      expect(await refusal(bomb)).toMatch(/zip bomb|unpacks to 1024 MB/);
      // One that declares 1 kB and inflates to 450 MB: refused as it inflates, before anything is parsed.
      expect(await refusal(await lyingZipBomb(450 * 1024 * 1024))).toBe('The XLSX file unpacks to more than 400 MB, far more than its size (a zip bomb): it is not read');
    });

    it('more than 100,000 rows', async () => {
      const rows: (string | number)[][] = [HEADER];
      for (let i = 0; i <= 100_000; i += 1) rows.push([`Credential ${i}`, 1, '', '']);
      const before = await snapshot(api);
      const answer = await upload(api, 'mappings', csv(rows), { target: gid(agreement), apply: 'true' }, staffToken);
      expect(answer).toEqual({ status: 400, body: { errors: [{ message: 'The file has more than 100,000 rows: split it into smaller files', extensions: { code: 'INVALID', userErrors: [expect.objectContaining({ code: 'INVALID' })] } }] } });
      expect(await snapshot(api)).toEqual(before);
    });

    it('a 50 MB file: 413 over HTTP, and over GraphQL the request is over its body limit', async () => {
      const huge = Buffer.alloc(50 * 1024 * 1024, 'a');
      const before = await snapshot(api);
      const answer = await upload(api, 'mappings', huge, { target: gid(agreement), apply: 'true' }, staffToken);
      expect(answer.status).toBe(413);
      expect(answer.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${staffToken}` },
        body: JSON.stringify({ query: APPLY, variables: fileInput('MAPPINGS', gid(agreement), huge) }),
      });
      expect(response.status).toBe(413);
      expect(await snapshot(api)).toEqual(before);
    });
  });

  it('previews and applies through POST /import/mappings, with JSON answers', async () => {
    const file = await xlsx(goodRows());
    const preview = await upload(api, 'mappings', file, { target: gid(agreement) }, staffToken);
    expect(preview.status).toBe(200);
    expect(preview.body.report).toMatchObject({ applied: false, created: 1, updated: 1, unchanged: 1, rejected: 0 });
    const stale = await upload(api, 'mappings', file, { target: gid(agreement), apply: 'true', digest: 'not-the-preview' }, staffToken);
    expect(stale.status).toBe(409);
    const applied = await upload(api, 'mappings', file, { target: gid(agreement), apply: 'true', digest: preview.body.report.digest }, staffToken);
    expect(applied.body.report).toMatchObject({ applied: true, created: 1, updated: 1 });
    const unknown = await upload(api, 'mappings', file, { target: gid(Object.assign(new ArticulationAgreement(), { id: 999999 })) }, staffToken);
    expect(unknown).toMatchObject({ status: 404, body: { errors: [{ extensions: { code: 'NOT_FOUND' } }] } });
  });

  it('imports from the command line: a preview, then --apply, then nothing left to change', async () => {
    const file = { name: 'mappings.xlsx', content: await xlsx(goodRows()) };
    const before = await snapshot(api);
    const preview = await runCli(api, ['mappings', '--agreement', gid(agreement)], file);
    expectExitedZero(preview);
    expect(preview.stdout).toMatch(/^Preview \(nothing written\): created 1, updated 1, unchanged 1, rejected 0\n/);
    expect(preview.stdout).toContain('mappings.xlsx:3  Network Basics → 5 credits (CIS-120), level 2 or above: credits 4 → 5, minimum level — → 2');
    expect(await snapshot(api)).toEqual(before);

    const applied = await runCli(api, ['mappings', '--agreement', String(agreement.id), '--apply'], file);
    expectExitedZero(applied);
    expect(applied.stdout).toMatch(/^Applied: created 1, updated 1, unchanged 1, rejected 0\n/);
    expect(applied.stderr).toMatch(/Writing +\[#+\] 100% \| 2\/2 rows/);
    expect(applied.stderr).toMatch(/Checking +\[#+\] 100% \| 3\/3 rows/);
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM audit_entry WHERE mutation = 'npm run import -- mappings' AND role = 'ADMIN' AND user_id IS NULL`);
    expect(n).toBe(2);

    const again = await runCli(api, ['mappings', '--agreement', String(agreement.id), '--apply'], file);
    expect(again.stdout).toMatch(/^Applied: created 0, updated 0, unchanged 3, rejected 0\n/);

    const bad = await runCli(api, ['mappings', '--agreement', String(agreement.id), '--apply'], { name: 'bad.csv', content: csv([HEADER, ['Cloud Basics', 3, '', '']]) });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Import refused, nothing written: 1 row is rejected (first on line 2: No credential of this agreement\'s issuer is called "Cloud Basics")');
    expect((await runCli(api, ['mappings', 'file.csv'])).code).toBe(2);
  });
});
