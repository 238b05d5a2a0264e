import { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../api/src/seed/accounts';
import { TestApi } from '../support/api';
import { signIn, TestBrowser } from '../support/browser';
import { openConsoleOnDemoData, screenshotFromTop } from '../support/console';

/** The one node a search finds, by its title (or name), through the admin's API access. */
async function idOf(api: TestApi, listQuery: string, search: string): Promise<string> {
  const result = await api.gql(`query($search: String) { ${listQuery}(first: 2, filter: { search: $search }) { nodes { id } } }`, { search });
  const nodes = result.data?.[listQuery].nodes ?? [];
  if (nodes.length !== 1) throw new Error(`${listQuery} "${search}" matched ${nodes.length} records`);
  return nodes[0].id;
}

/** The row of an inline table whose cells include `text`. */
const rowWith = (table: Locator, text: string) => table.locator('tbody tr').filter({ has: table.page().getByRole('cell', { name: text, exact: true }) });

async function pickOption(page: Page, input: Locator, typed: string, option: string | RegExp) {
  await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

async function chooseSelect(page: Page, select: Locator, option: string) {
  await select.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

jest.setTimeout(150_000);

describe('editing resources in the console', () => {
  let api: TestApi;
  let browser: TestBrowser;
  let page: Page;
  const screenshot = (name: string) => screenshotFromTop(browser, name);
  const admin = (route: string) => `${api.url}/admin${route}`;
  const show = (resource: string, id: string, tab = '') => admin(`/${resource}/${encodeURIComponent(id)}/show${tab}`);

  beforeAll(async () => {
    ({ api, browser } = await openConsoleOnDemoData());
    page = browser.page;
    // A busy CI machine can take many seconds to render a page; jest's limit below stays well above this.
    page.setDefaultTimeout(40_000);
    await signIn(page, admin('/'), 'staff@demo.test', DEMO_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  describe('as college staff', () => {
    it('edits a credential and adds an outcome aligned to a competency', async () => {
      const credentialId = await idOf(api, 'credentials', 'IT Support Fundamentals');
      await page.goto(admin(`/credentials/${encodeURIComponent(credentialId)}`));
      const workload = page.getByLabel(/^Workload \(hours\)/);
      await workload.waitFor();
      expect(await workload.inputValue()).toBe('45');
      await workload.fill('50');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/\/show$/);
      await page.locator('main').getByText('50', { exact: true }).waitFor();

      await page.getByRole('tab', { name: 'Outcomes and crosswalk' }).click();
      await page.getByRole('button', { name: 'Add an outcome' }).click();
      await page.getByLabel('No.').fill('3');
      await page.getByRole('textbox', { name: 'Learning outcome' }).fill('Documents a fix so that a colleague can repeat it.');
      await page.getByRole('button', { name: 'Save row' }).click();

      const alignments = page.getByRole('region', { name: 'Alignments of outcome 3' });
      await alignments.waitFor();
      await alignments.getByRole('button', { name: 'Align to a competency' }).click();
      await pickOption(page, alignments.getByLabel('Competency'), 'IT-4.3', /^IT-4\.3 /);
      await chooseSelect(page, alignments.getByLabel('Strength'), 'Partial');
      await alignments.getByRole('button', { name: 'Save row' }).click();
      await rowWith(alignments, 'Partial').waitFor();
      await screenshot('resources-credential-outcomes');

      const stored = await api.gql(`query($id: ID!) { credential(id: $id) { workloadHours outcomes { position statement alignments { strength competency { code } } } } }`, { id: credentialId });
      expect(stored.data?.credential.workloadHours).toBe(50);
      expect(stored.data?.credential.outcomes).toContainEqual({
        position: 3,
        statement: 'Documents a fix so that a colleague can repeat it.',
        alignments: [{ strength: 'PARTIAL', competency: { code: 'IT-4.3' } }],
      });
    });

    it('edits, adds and removes credit mappings of an agreement, with the server’s error on the field', async () => {
      const agreementId = await idOf(api, 'articulationAgreements', 'IT microcredentials');
      await page.goto(show('articulationAgreements', agreementId));
      const mappings = page.getByRole('table', { name: 'Credit mappings' });
      await mappings.waitFor();

      // Before saving, the edit shows whose applied credit it would change: Ana Morales counts Help Desk Practicum for 3.
      await rowWith(mappings, 'Help Desk Practicum').getByRole('button', { name: 'Edit row' }).click();
      await mappings.getByLabel('Credits').fill('1');
      const impact = page.getByRole('region', { name: 'Impact on learners' });
      await impact.getByText(/^Ana Morales: \d+ → \d+ \(−2\)$/).waitFor();
      expect(await impact.innerText()).toContain('Saving this changes 1 learner\'s applied credit');
      await mappings.getByLabel('Credits').fill('3');
      await impact.getByText(/^Saving this changes no learner's applied credit/).waitFor();
      await mappings.getByRole('button', { name: 'Cancel' }).click();
      await impact.waitFor({ state: 'detached' });

      await rowWith(mappings, 'Network Basics').getByRole('button', { name: 'Edit row' }).click();
      const credits = mappings.getByLabel('Credits');
      expect(await credits.inputValue()).toBe('4');
      await credits.fill('-1');
      await mappings.getByRole('button', { name: 'Save row' }).click();
      const mappingId = (await api.gql(`query($id: ID!) { articulationAgreement(id: $id) { mappings { id credential { title } } } }`, { id: agreementId })).data?.articulationAgreement.mappings.find(
        (mapping: { credential: { title: string } }) => mapping.credential.title === 'Network Basics',
      ).id;
      const refused = await api.gql(`mutation($input: CreditMappingUpdateInput!) { creditMappingUpdate(input: $input) { userErrors { field message } } }`, { input: { id: mappingId, credits: -1 } });
      const [error] = refused.data?.creditMappingUpdate.userErrors ?? [];
      expect(error.field).toEqual(['input', 'credits']);
      await mappings.getByText(error.message).waitFor();

      await credits.fill('5');
      await mappings.getByLabel('Course equivalent').fill('CIS-121');
      await mappings.getByRole('button', { name: 'Save row' }).click();
      await rowWith(mappings, 'CIS-121').waitFor();
      expect(await rowWith(mappings, 'Network Basics').locator('td').allInnerTexts()).toEqual(['Network Basics', '5', 'CIS-121', 'Any', '']);

      await page.getByRole('button', { name: 'Add a mapping' }).click();
      await pickOption(page, mappings.getByLabel('Credential'), 'Backup and Recovery', 'Backup and Recovery Practice');
      await mappings.getByLabel('Credits').fill('2');
      await mappings.getByLabel('Course equivalent').fill('CIS-140');
      await mappings.getByLabel('Minimum mastery level').fill('2');
      await mappings.getByRole('button', { name: 'Save row' }).click();
      await rowWith(mappings, 'Backup and Recovery Practice').waitFor();
      await screenshot('resources-agreement-mappings');

      const afterAdd = await api.gql(`query($id: ID!) { articulationAgreement(id: $id) { mappings { credits courseEquivalent minMasteryLevel credential { title } } } }`, { id: agreementId });
      expect(afterAdd.data?.articulationAgreement.mappings).toEqual(
        expect.arrayContaining([
          { credits: 5, courseEquivalent: 'CIS-121', minMasteryLevel: null, credential: { title: 'Network Basics' } },
          { credits: 2, courseEquivalent: 'CIS-140', minMasteryLevel: 2, credential: { title: 'Backup and Recovery Practice' } },
        ]),
      );
      expect(afterAdd.data?.articulationAgreement.mappings).toHaveLength(5);

      // A removal can be undone while its notice shows; only when the notice closes is it sent.
      await rowWith(mappings, 'Backup and Recovery Practice').getByRole('button', { name: 'Remove row' }).click();
      await rowWith(mappings, 'Backup and Recovery Practice').waitFor({ state: 'detached' });
      await page.getByText('Credit mapping removed').waitFor();
      await page.getByRole('button', { name: 'Undo' }).click();
      await rowWith(mappings, 'Backup and Recovery Practice').waitFor();
      expect((await api.gql(`query($id: ID!) { articulationAgreement(id: $id) { mappingCount } }`, { id: agreementId })).data?.articulationAgreement.mappingCount).toBe(5);

      await rowWith(mappings, 'Backup and Recovery Practice').getByRole('button', { name: 'Remove row' }).click();
      await rowWith(mappings, 'Backup and Recovery Practice').waitFor({ state: 'detached' });
      await page.getByText('Credit mapping removed').waitFor({ state: 'detached', timeout: 15_000 });
      for (let tries = 0; tries < 50; tries += 1) {
        const count = (await api.gql(`query($id: ID!) { articulationAgreement(id: $id) { mappingCount } }`, { id: agreementId })).data?.articulationAgreement.mappingCount;
        if (count === 4) break;
        await page.waitForTimeout(100);
      }
      const afterRemove = await api.gql(`query($id: ID!) { articulationAgreement(id: $id) { mappingCount revision } }`, { id: agreementId });
      expect(afterRemove.data?.articulationAgreement.mappingCount).toBe(4);

      // Each change above moved the agreement on a revision; the page has followed, so editing the
      // agreement itself from it saves instead of being refused as based on a stale page.
      await page.getByRole('link', { name: 'Edit' }).click();
      const signedBy = page.getByLabel('Signed by');
      await signedBy.waitFor();
      await signedBy.fill('Dean of Instruction, after the mapping review');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/\/show$/);
      const edited = await api.gql(`query($id: ID!) { articulationAgreement(id: $id) { signedBy revision } }`, { id: agreementId });
      expect(edited.data?.articulationAgreement).toEqual({ signedBy: 'Dean of Instruction, after the mapping review', revision: afterRemove.data?.articulationAgreement.revision + 1 });
    });

    it('approves a submitted prior-learning claim with the credits it is worth', async () => {
      const learnerId = await idOf(api, 'learners', 'Bell');
      await page.goto(show('learners', learnerId));
      const claims = page.getByRole('table', { name: 'Prior learning' });
      const claim = rowWith(claims, 'Army combat medic (68W), four years');
      await claim.getByText('Submitted').waitFor();
      await claim.getByRole('button', { name: 'Approve' }).click();
      const dialog = page.getByRole('dialog');
      expect(await dialog.getByLabel(/^Credits approved/).inputValue()).toBe('6');
      await dialog.getByLabel(/^Credits approved/).fill('5');
      await dialog.getByLabel('Note (optional)').fill('Matches MED-110 and MED-115 outcomes.');
      await screenshot('resources-claim-approve');
      await dialog.getByRole('button', { name: 'Approve' }).click();
      await claim.getByText('Approved: 5 credits').waitFor();
      await claim.getByText('Matches MED-110 and MED-115 outcomes.').waitFor();
      expect(await claim.getByRole('button', { name: 'Approve' }).count()).toBe(0);
      await screenshot('resources-learner-claims');

      const stored = await api.gql(`query($id: ID!) { learner(id: $id) { priorLearningClaims { status creditsApproved decisionReason } } }`, { id: learnerId });
      expect(stored.data?.learner.priorLearningClaims).toEqual([{ status: 'APPROVED', creditsApproved: 5, decisionReason: 'Matches MED-110 and MED-115 outcomes.' }]);
    });

    it('submits a claim for a learner and denies it with a reason', async () => {
      const learnerId = await idOf(api, 'learners', 'Jordan');
      await page.goto(show('learners', learnerId));
      await page.getByRole('button', { name: 'Submit a claim' }).click();
      const claims = page.getByRole('table', { name: 'Prior learning' });
      await pickOption(page, claims.getByLabel('Toward'), 'Information', 'AAS Information Technology');
      await claims.getByLabel('Experience').fill('Weekend computer repair business');
      await claims.getByLabel('Evidence').fill('Customer references and invoices.');
      await claims.getByLabel('Requested').fill('3');
      await claims.getByRole('button', { name: 'Save row' }).click();
      const claim = rowWith(claims, 'Weekend computer repair business');
      await claim.getByText('Submitted').waitFor();

      await claim.getByRole('button', { name: 'Deny' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(/^Reason/).fill('No assessed evidence of the course outcomes.');
      await dialog.getByRole('button', { name: 'Deny' }).click();
      await claim.getByText('Denied').waitFor();

      const stored = await api.gql(`query($id: ID!) { learner(id: $id) { priorLearningClaims { title status creditsRequested decisionReason } } }`, { id: learnerId });
      expect(stored.data?.learner.priorLearningClaims).toEqual([
        { title: 'Weekend computer repair business', status: 'DENIED', creditsRequested: 3, decisionReason: 'No assessed evidence of the course outcomes.' },
      ]);
    });
  });

  describe('as an admin', () => {
    it('creates a framework and a competency in it, and makes the competency core for an occupation', async () => {
      await page.evaluate('localStorage.clear()');
      await signIn(page, admin('/'), 'admin@demo.test', DEMO_PASSWORD);
      await page.goto(admin('/competencyFrameworks/create'));
      await page.getByLabel(/^Name/).fill('Help Desk Skills Standard');
      await page.getByLabel(/^Publisher/).fill('Ohio TechCred');
      await page.getByLabel(/^Jurisdiction/).fill('Ohio');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/\/competencyFrameworks\/[^/]+\/show$/);
      await page.locator('main').getByText('Ohio TechCred').waitFor();

      await page.goto(admin('/competencies/create'));
      await pickOption(page, page.getByLabel(/^Framework/), 'Help Desk Skills', 'Help Desk Skills Standard');
      await page.getByLabel(/^Code/).fill('HDS-1');
      await page.getByLabel(/^Statement/).fill('Logs, prioritises and escalates support tickets.');
      await chooseSelect(page, page.getByLabel(/^Type/), 'Skill');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/\/competencies\/[^/]+\/show$/);
      await page.locator('main').getByText('Help Desk Skills Standard').waitFor();
      await screenshot('resources-competency-show');

      const occupationId = await idOf(api, 'occupations', 'Computer User Support Specialists');
      await page.goto(show('occupations', occupationId, '/competencies'));
      await page.getByRole('button', { name: 'Link a competency' }).click();
      const links = page.getByRole('table', { name: 'Competencies of the occupation' });
      await pickOption(page, links.getByLabel('Competency'), 'HDS-1', /^HDS-1 /);
      await links.getByLabel('Core').check();
      await links.getByRole('button', { name: 'Save row' }).click();
      await rowWith(links, 'HDS-1 Logs, prioritises and escalates support tickets.').waitFor();
      await screenshot('resources-occupation-competencies');

      const stored = await api.gql(`query($id: ID!) { occupation(id: $id) { coreCompetencies { code framework { name publisher jurisdiction } } } }`, { id: occupationId });
      expect(stored.data?.occupation.coreCompetencies).toContainEqual({ code: 'HDS-1', framework: { name: 'Help Desk Skills Standard', publisher: 'Ohio TechCred', jurisdiction: 'Ohio' } });
    });
  });

  describe('hiding what a role cannot use', () => {
    const switchTo = async (email: string) => {
      await page.evaluate('localStorage.clear()');
      await signIn(page, admin('/'), email, DEMO_PASSWORD);
    };
    const menuItems = async () => (await page.getByRole('menuitem').allInnerTexts()).map((text) => text.trim());

    it('shows an advisor learners and advising but no editing of credentials or agreements, nor claim decisions', async () => {
      await switchTo('advisor@demo.test');
      expect(await menuItems()).toEqual(expect.arrayContaining(['Learners', 'Advising', 'Credentials']));

      await page.goto(show('credentials', await idOf(api, 'credentials', 'Network Basics')));
      await page.locator('main').getByText('Network Basics').first().waitFor();
      expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
      await page.getByRole('tab', { name: 'Outcomes and crosswalk' }).click();
      await page.getByRole('table', { name: 'Learning outcomes' }).waitFor();
      expect(await page.getByRole('button', { name: 'Add an outcome' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Edit row' }).count()).toBe(0);

      await page.goto(admin('/credentials'));
      await page.locator('tbody tr').first().waitFor();
      expect(await page.getByRole('link', { name: 'Create' }).count()).toBe(0);

      await page.goto(show('articulationAgreements', await idOf(api, 'articulationAgreements', 'IT microcredentials')));
      await page.getByRole('table', { name: 'Credit mappings' }).waitFor();
      expect(await page.getByRole('button', { name: 'Add a mapping' }).count()).toBe(0);

      await page.goto(show('learners', await idOf(api, 'learners', 'Thompson')));
      await page.getByRole('button', { name: 'Submit a claim' }).waitFor();
      expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(1);
      expect(await page.getByRole('link', { name: 'Degree routes' }).count()).toBe(1);
      await screenshot('roles-advisor-learner');
    });

    it('shows an employer partner neither learners nor advising', async () => {
      await switchTo('employer@demo.test');
      const items = await menuItems();
      expect(items).toEqual(expect.arrayContaining(['Dashboard', 'Pathways', 'Credentials', 'Articulation agreements']));
      expect(items).not.toContain('Learners');
      expect(items).not.toContain('Advising');

      await page.goto(show('articulationAgreements', await idOf(api, 'articulationAgreements', 'IT microcredentials')));
      await page.getByRole('table', { name: 'Credit mappings' }).waitFor();
      expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Edit row' }).count()).toBe(0);
      await screenshot('roles-employer-agreement');
    });
  });
});
