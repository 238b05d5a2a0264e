import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { config } from '../../api/src/core/config';
import { issueToken } from '../../api/src/modules/accounts/auth.service';
import { Role } from '../../api/src/modules/accounts/user.entity';
import { main } from '../../api/src/modules/imports/cli';
import { EDUCATION_BY_JOB_ZONE } from '../../api/src/modules/imports/occupation-import.service';
import { OCCUPATIONS } from '../../api/src/seed/reference-data';
import { startTestApi, TestApi } from '../support/api';
import { makeInstitution, makeUser } from '../support/factories';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'onet');
const KINDS: Record<string, string> = {
  'Occupation Data.txt': 'OCCUPATION_DATA',
  'Task Statements.txt': 'TASK_STATEMENTS',
  'Job Zones.txt': 'JOB_ZONES',
  'national_M2023_dl.csv': 'WAGES',
};

/** A fixture directory as the mutation's input, in the order O*NET lists its files. */
function filesOf(directory: string, edit: (name: string, content: string) => string = (_n, c) => c) {
  return Object.keys(KINDS)
    .filter((name) => fs.existsSync(path.join(FIXTURES, directory, name)))
    .map((name) => ({ kind: KINDS[name], name, content: edit(name, fs.readFileSync(path.join(FIXTURES, directory, name), 'utf8')) }));
}

const IMPORT = `mutation($input: OccupationsImportInput!) {
  occupationsImport(input: $input) {
    report { created updated unchanged rejected skipped rejectedRows { file line code reason } }
    userErrors { field code message }
  }
}`;

const READ = `query($soc: String!) {
  occupations(first: 5, filter: { socCode: $soc }) {
    nodes { socCode onetSocCode title description tasks jobZone typicalEducation medianAnnualWage wageSource wageYear }
  }
}`;

function collect() {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  return { stream, text: () => chunks.join('') };
}

describe('occupation import (O*NET and BLS OEWS)', () => {
  let api: TestApi;
  const occupationRows = async () => (await api.db.query(`SELECT count(*)::int AS n, max(updated_at) AS latest FROM occupation`))[0];

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());
  beforeEach(() => api.db.query('DELETE FROM occupation'));

  it('creates the demo occupations from the sample files, with tasks, job zones and wages', async () => {
    const result = await api.gql(IMPORT, { input: { files: filesOf('good') } });
    expect(result.data?.occupationsImport).toEqual({
      report: { created: OCCUPATIONS.length, updated: 0, unchanged: 0, rejected: 0, skipped: 2, rejectedRows: [] },
      userErrors: [],
    });
    const support = OCCUPATIONS.find((o) => o.socCode === '15-1232')!;
    const read = await api.gql(READ, { soc: '15-1232' });
    expect(read.data?.occupations.nodes).toEqual([{
      socCode: '15-1232',
      onetSocCode: '15-1232.00',
      title: 'Computer User Support Specialists',
      description: support.description,
      tasks: [...support.tasks],
      jobZone: 3,
      typicalEducation: "Vocational training, an associate's degree or related experience",
      medianAnnualWage: 59240,
      wageSource: 'BLS OEWS',
      wageYear: 2023,
    }]);
    const welders = await api.gql(READ, { soc: '51-4121' });
    expect(welders.data?.occupations.nodes[0]).toMatchObject({ title: 'Welders, Cutters, Solderers, and Brazers', jobZone: 2, medianAnnualWage: 48940 });
  });

  it('keeps a typical education that did not come from a job zone, and follows the zone where it did', async () => {
    await api.db.query(
      `INSERT INTO occupation (soc_code, title, typical_education, typical_education_source) VALUES ('15-1232', 'Computer User Support Specialists', 'Some college, no degree', 'BLS'),
         ('51-4121', 'Welders, Cutters, Solderers, and Brazers', $1, 'O*NET job zone')`,
      [EDUCATION_BY_JOB_ZONE[4]],
    );
    const result = await api.gql(IMPORT, { input: { files: filesOf('good') } });
    expect(result.data?.occupationsImport.report).toMatchObject({ created: OCCUPATIONS.length - 2, updated: 2, rejected: 0 });
    const support = await api.gql(READ, { soc: '15-1232' });
    expect(support.data?.occupations.nodes[0]).toMatchObject({ jobZone: 3, typicalEducation: 'Some college, no degree' });
    const welders = await api.gql(READ, { soc: '51-4121' });
    expect(welders.data?.occupations.nodes[0]).toMatchObject({ jobZone: 2, typicalEducation: EDUCATION_BY_JOB_ZONE[2] });
  });

  it('keeps BLS\'s typical education even where its wording is a job zone\'s, by the source recorded beside it', async () => {
    // BLS says "Bachelor's degree" for network administrators, which is also job zone 4's wording.
    await api.db.query(
      `INSERT INTO occupation (soc_code, title, typical_education, typical_education_source) VALUES ('15-1244', 'Network and Computer Systems Administrators', $1, 'BLS')`,
      [EDUCATION_BY_JOB_ZONE[4]],
    );
    const zoned = filesOf('good', (name, content) => (name === 'Job Zones.txt' ? content.replace(/^(15-1244\.00\t)\d/m, '$13') : content));
    expect((await api.gql(IMPORT, { input: { files: zoned } })).data?.occupationsImport.userErrors).toEqual([]);
    const admins = await api.db.query(`SELECT job_zone, typical_education, typical_education_source FROM occupation WHERE soc_code = '15-1244'`);
    expect(admins).toEqual([{ job_zone: 3, typical_education: EDUCATION_BY_JOB_ZONE[4], typical_education_source: 'BLS' }]);
    const filled = await api.db.query(`SELECT typical_education_source FROM occupation WHERE soc_code = '51-4121'`);
    expect(filled).toEqual([{ typical_education_source: 'O*NET job zone' }]);
  });

  it('reports an OEWS row whose OCC_TITLE names another occupation, and does not apply its wage', async () => {
    const renamed = filesOf('good', (name, content) =>
      (name === 'national_M2023_dl.csv' ? content.replace(',15-1232,Computer User Support Specialists,', ',15-1232,"Computer Occupations, All Other",') : content));
    const result = await api.gql(IMPORT, { input: { files: renamed } });
    const report = result.data?.occupationsImport.report;
    expect(report.rejectedRows).toEqual([expect.objectContaining({ file: 'national_M2023_dl.csv', code: 'TITLE_MISMATCH', line: 4 })]);
    expect(report.rejectedRows[0].reason).toContain('"Computer Occupations, All Other" is not the occupation 15-1232.00 "Computer User Support Specialists"');
    const support = await api.gql(READ, { soc: '15-1232' });
    expect(support.data?.occupations.nodes[0]).toMatchObject({ medianAnnualWage: null, wageSource: null });
  });

  it('changes nothing when the same files are imported again', async () => {
    await api.gql(IMPORT, { input: { files: filesOf('good') } });
    const before = await occupationRows();
    const again = await api.gql(IMPORT, { input: { files: filesOf('good') } });
    expect(again.data?.occupationsImport.report).toMatchObject({ created: 0, updated: 0, unchanged: OCCUPATIONS.length, rejected: 0 });
    expect(await occupationRows()).toEqual(before);
  });

  it('updates only the occupations whose rows changed', async () => {
    await api.gql(IMPORT, { input: { files: filesOf('good') } });
    const files = filesOf('good', (name, content) =>
      name === 'national_M2023_dl.csv' ? content.replace('"59,240"', '"61,000"') : content,
    );
    const result = await api.gql(IMPORT, { input: { files } });
    expect(result.data?.occupationsImport.report).toMatchObject({ created: 0, updated: 1, unchanged: OCCUPATIONS.length - 1 });
    const read = await api.gql(READ, { soc: '15-1232' });
    expect(read.data?.occupations.nodes[0].medianAnnualWage).toBe(61000);
  });

  it('reports every bad row with its file, line and reason, and applies the good ones', async () => {
    const result = await api.gql(IMPORT, { input: { files: filesOf('bad-rows') } });
    const report = result.data?.occupationsImport.report;
    expect(report.rejectedRows.map(({ file, line, code }: { file: string; line: number; code: string }) => [file, line, code])).toEqual([
      ['Occupation Data.txt', 3, 'INVALID_CODE'],
      ['Occupation Data.txt', 4, 'MISSING_VALUE'],
      ['Occupation Data.txt', 5, 'DUPLICATE'],
      ['Occupation Data.txt', 6, 'WRONG_FIELD_COUNT'],
      ['Task Statements.txt', 3, 'INVALID_NUMBER'],
      ['Task Statements.txt', 4, 'DUPLICATE'],
      ['Task Statements.txt', 5, 'UNKNOWN_OCCUPATION'],
      ['Task Statements.txt', 6, 'MISSING_VALUE'],
      ['Job Zones.txt', 3, 'OUT_OF_RANGE'],
      ['Job Zones.txt', 4, 'UNKNOWN_OCCUPATION'],
      ['national_M2023_dl.csv', 3, 'WAGE_SUPPRESSED'],
      ['national_M2023_dl.csv', 4, 'WAGE_TOP_CODED'],
      ['national_M2023_dl.csv', 5, 'INVALID_NUMBER'],
      ['national_M2023_dl.csv', 6, 'INVALID_CODE'],
    ]);
    expect(report.rejectedRows.every((row: { reason: string }) => row.reason.length > 0)).toBe(true);
    expect(report).toMatchObject({ created: 2, updated: 0, unchanged: 0, rejected: 14 });
    const pharmacy = await api.gql(READ, { soc: '29-2052' });
    expect(pharmacy.data?.occupations.nodes).toEqual([expect.objectContaining({
      title: 'Pharmacy Technicians', tasks: ['Maintain proper storage and security conditions for drugs.'], jobZone: null, medianAnnualWage: null,
    })]);
    const support = await api.gql(READ, { soc: '15-1232' });
    expect(support.data?.occupations.nodes[0]).toMatchObject({ tasks: ['Answer user inquiries regarding computer software or hardware operation to resolve problems.'], jobZone: 3, medianAnnualWage: 59240 });
  });

  it('writes nothing when one file has the wrong header, even beside good files', async () => {
    const files = [...filesOf('good').filter((file) => file.kind !== 'JOB_ZONES'), ...filesOf('bad-header').filter((file) => file.kind === 'JOB_ZONES')];
    const result = await api.gql(IMPORT, { input: { files } });
    expect(result.data?.occupationsImport.report).toBeNull();
    expect(result.data?.occupationsImport.userErrors).toEqual([{ field: ['input', 'files', String(files.length - 1), 'content'], code: 'INVALID', message: expect.stringContaining('"Job Zone"') }]);
    expect((await occupationRows()).n).toBe(0);
  });

  it('writes nothing for a wage file whose year is unknown, or text that is not CSV', async () => {
    const unnamed = filesOf('good').map((file) => (file.kind === 'WAGES' ? { ...file, name: 'wages.csv' } : file));
    const noYear = await api.gql(IMPORT, { input: { files: unnamed } });
    expect(noYear.data?.occupationsImport.userErrors).toEqual([{ field: ['input', 'files', '3', 'content'], code: 'INVALID', message: expect.any(String) }]);
    const withYear = await api.gql(IMPORT, { input: { files: unnamed, wageYear: 2022 } });
    expect(withYear.data?.occupationsImport.report.created).toBe(OCCUPATIONS.length);
    await api.db.query('DELETE FROM occupation');
    const broken = await api.gql(IMPORT, { input: { files: [{ kind: 'WAGES', name: 'national_M2023_dl.csv', content: 'OCC_CODE,OCC_TITLE,A_MEDIAN\n15-1232,"Unclosed,1\n' }] } });
    expect(broken.data?.occupationsImport.userErrors[0].code).toBe('INVALID');
    expect((await occupationRows()).n).toBe(0);
  });

  it('is for admins only', async () => {
    const college = await makeInstitution(api.db);
    const { token } = await issueToken(await makeUser(api.db, Role.INSTITUTION_STAFF, { institutionId: college.id }));
    const staff = await api.gql(IMPORT, { input: { files: filesOf('good') } }, { token });
    expect(staff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await api.gql(IMPORT, { input: { files: filesOf('good') } }, { token: null });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await occupationRows()).n).toBe(0);
  });

  describe('npm run import', () => {
    const configuredUrl = config.databaseUrl;
    // The CLI opens its database through the same bootstrap as `npm start`, which reads DATABASE_URL into config.
    beforeAll(() => {
      config.databaseUrl = (api.db.options as PostgresConnectionOptions).url;
    });
    afterAll(() => {
      config.databaseUrl = configuredUrl;
    });

    async function run(...argv: string[]) {
      const stdout = collect();
      const stderr = collect();
      const code = await main(argv, { stdout: stdout.stream, stderr: stderr.stream });
      return { code, stdout: stdout.text(), stderr: stderr.text() };
    }

    it('imports a directory, prints the summary, and finds everything unchanged the second time', async () => {
      const first = await run('onet', path.join(FIXTURES, 'good'));
      expect(first).toMatchObject({ code: 0, stdout: `created ${OCCUPATIONS.length}, updated 0, unchanged 0, rejected 0, skipped 2 group rows\n` });
      const second = await run('onet', path.join(FIXTURES, 'good'));
      expect(second.stdout).toBe(`created 0, updated 0, unchanged ${OCCUPATIONS.length}, rejected 0, skipped 2 group rows\n`);
      expect((await occupationRows()).n).toBe(OCCUPATIONS.length);
    });

    it('lists rejected rows with file and line', async () => {
      const result = await run('onet', path.join(FIXTURES, 'bad-rows'));
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('created 2, updated 0, unchanged 0, rejected 14');
      expect(result.stdout).toMatch(/^ {2}Occupation Data\.txt:3 {2}INVALID_CODE {2}O\*NET-SOC Code "15-1231"/m);
      expect(result.stdout).toMatch(/^ {2}national_M2023_dl\.csv:4 {2}WAGE_TOP_CODED /m);
    });

    it('imports a CASE package file, and finds it unchanged the second time', async () => {
      const file = path.join(__dirname, '..', 'fixtures', 'case', 'manufacturing-technician.json');
      const first = await run('case', file);
      expect(first).toMatchObject({ code: 0, stdout: 'Advanced Manufacturing Technician Standard: framework created; competencies created 4, updated 0, unchanged 0\n' });
      const second = await run('case', file);
      expect(second.stdout).toBe('Advanced Manufacturing Technician Standard: framework unchanged; competencies created 0, updated 0, unchanged 4\n');
      const notJson = await run('case', path.join(FIXTURES, 'good', 'Job Zones.txt'));
      expect(notJson.code).toBe(1);
    });

    it('refuses a bad file or a wrong command line with nothing written', async () => {
      const badHeader = await run('onet', path.join(FIXTURES, 'bad-header'));
      expect(badHeader.code).toBe(1);
      expect(badHeader.stderr).toContain('Import refused, nothing written: Job Zones.txt: missing the column "Job Zone"');
      const missing = await run('onet', path.join(FIXTURES, 'no-such-directory'));
      expect(missing.code).toBe(1);
      expect((await run('onet')).code).toBe(2);
      expect((await run('onet', path.join(FIXTURES, 'good'), '--wage-year', 'soon')).code).toBe(2);
      expect((await occupationRows()).n).toBe(0);
    });
  });
});
