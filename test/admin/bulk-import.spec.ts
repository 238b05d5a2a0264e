import { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../api/src/seed/accounts';
import { WORKED_EXAMPLE } from '../../api/src/seed/worked-example';
import { TestApi } from '../support/api';
import { signIn, TestBrowser } from '../support/browser';
import { openConsoleOnDemoData } from '../support/console';
import { csv, xlsx } from '../imports/bulk-import-support';

jest.setTimeout(150_000);

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The import dialog on the demo data, as Lakeshore's staff: the worked example's agreement gets
 * its mappings from a spreadsheet, and Ana Morales's record an award.
 */
describe('bulk import in the console', () => {
  let api: TestApi;
  let browser: TestBrowser;
  let page: Page;
  let agreementId: string;
  let anaId: string;

  const mappings = async () =>
    api.db.query(`SELECT c.title, m.credits::float AS credits, m.course_equivalent FROM credit_mapping m JOIN credential c ON c.id = m.credential_id
                   JOIN articulation_agreement a ON a.id = m.agreement_id JOIN degree_program p ON p.id = a.degree_program_id
                  WHERE p.title = $1 ORDER BY c.title`, [WORKED_EXAMPLE.programTitle]);

  beforeAll(async () => {
    ({ api, browser } = await openConsoleOnDemoData());
    page = browser.page;
    page.setDefaultTimeout(40_000);
    const found = await api.gql(`{ articulationAgreements(first: 5, filter: { search: "AAS Information Technology" }) { nodes { id } }
      learners(first: 1, filter: { search: "Morales" }) { nodes { id } } }`);
    agreementId = found.data?.articulationAgreements.nodes[0].id;
    anaId = found.data?.learners.nodes[0].id;
    await signIn(page, `${api.url}/admin/`, 'staff@demo.test', DEMO_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const dialog = () => page.getByRole('dialog');

  it('previews a file with a bad row, says why, and cannot apply it', async () => {
    const before = await mappings();
    await page.goto(`${api.url}/admin/articulationAgreements/${encodeURIComponent(agreementId)}/show`);
    await page.getByRole('button', { name: 'Import mappings' }).click();
    await dialog().getByLabel('Spreadsheet to import').setInputFiles({
      name: 'mappings.csv',
      mimeType: 'text/csv',
      buffer: csv([['credential', 'credits', 'course_equivalent'], ['IT Support Fundamentals', 4, 'CIS-105'], ['Cloud Basics', 3, ''], ['Network Basics', 'four', 'CIS-120']]),
    });
    const rejected = dialog().getByRole('table', { name: 'Rejected rows' });
    await rejected.waitFor();
    expect(await rejected.locator('tbody tr').allInnerTexts()).toEqual([
      '3\tcredential\tNo credential of this agreement\'s issuer is called "Cloud Basics"',
      '4\tcredits\tcredits "four" is not a number',
    ]);
    expect(await dialog().getByLabel('Preview summary').innerText()).toBe('0 to create\n1 to update\n0 unchanged\n2 rejected');
    expect(await dialog().getByRole('button', { name: /^Apply/ }).isDisabled()).toBe(true);
    await browser.screenshot('bulk-import-rejected');
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    expect(await mappings()).toEqual(before);
  });

  it('previews an XLSX file with its impact on learners, then applies it', async () => {
    await page.goto(`${api.url}/admin/articulationAgreements/${encodeURIComponent(agreementId)}/show`);
    await page.getByRole('button', { name: 'Import mappings' }).click();
    await dialog().getByLabel('Spreadsheet to import').setInputFiles({
      name: 'mappings.xlsx',
      mimeType: XLSX_TYPE,
      buffer: await xlsx([
        ['credential', 'credits', 'course_equivalent', 'min_mastery_level'],
        ['IT Support Fundamentals', 4, 'CIS-105', null],
        ['Network Basics', 4, 'CIS-120', null],
        ['Help Desk Practicum', 3, 'CIS-198', null],
        ['Customer Service Essentials', 3, 'CIS-105', null],
      ]),
    });
    const rows = dialog().getByRole('table', { name: 'Rows to import' });
    await rows.waitFor();
    expect(await dialog().getByLabel('Preview summary').innerText()).toBe('0 to create\n1 to update\n3 unchanged\n0 rejected');
    expect(await rows.locator('tbody tr').first().locator('td').allTextContents()).toEqual(['2', 'Update', 'IT Support Fundamentals → 4 credits (CIS-105)', 'credits 3 → 4']);
    // Ana's Fundamentals counts for CIS-105: one credit more.
    const impact = dialog().getByRole('table', { name: 'Learners whose credit changes' });
    expect(await impact.locator('tbody tr').allInnerTexts()).toContain('Ana Morales\t12\t13\t+1');
    await browser.screenshot('bulk-import-preview');
    await dialog().getByRole('button', { name: 'Apply 1 change' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByText('Imported mappings.xlsx: 0 created, 1 updated, 3 unchanged').waitFor();
    expect(await mappings()).toContainEqual({ title: 'IT Support Fundamentals', credits: 4, course_equivalent: 'CIS-105' });
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM audit_entry WHERE record_type = 'CreditMapping' AND mutation = 'POST /import'`);
    expect(n).toBe(1);
  });

  it('imports awards into a learner\'s record from the learner page', async () => {
    await page.goto(`${api.url}/admin/learners/${encodeURIComponent(anaId)}/show`);
    await page.getByRole('button', { name: 'Import awards' }).click();
    await dialog().getByLabel('Spreadsheet to import').setInputFiles({
      name: 'awards.csv',
      mimeType: 'text/csv',
      buffer: csv([['credential', 'awarded_on', 'mastery_level'], ['Network Basics', '2026-03-02', 2]]),
    });
    await dialog().getByRole('table', { name: 'Rows to import' }).waitFor();
    expect(await dialog().getByLabel('Preview summary').innerText()).toBe('1 to create\n0 to update\n0 unchanged\n0 rejected');
    await dialog().getByRole('button', { name: 'Apply 1 change' }).click();
    await dialog().waitFor({ state: 'detached' });
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM award a JOIN learner l ON l.id = a.learner_id WHERE l.email = $1 AND a.awarded_on = '2026-03-02'`, [WORKED_EXAMPLE.learnerEmail]);
    expect(n).toBe(1);
  });
});
