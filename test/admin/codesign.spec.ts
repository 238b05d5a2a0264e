import fs from 'node:fs';
import path from 'node:path';
import { seedDemoData } from '../../api/src/seed/demo';
import { startTestApi, TestApi } from '../support/api';
import { tokenFor } from '../support/factories';
import { withCurrentRevision } from '../support/revisions';
import { launchBrowser, TestBrowser } from '../support/browser';
import { DesignerPage, PAGE_LOAD } from './pages/designer.page';

const ADMIN_DIST = path.join(__dirname, '../../admin/dist/index.html');

/** A scenario walks through several screens as several people; on a busy 2-core machine that takes a while. */
const SCENARIO_TIMEOUT = 180_000;

const DESIGN = `query($id: ID!) {
  pathway(id: $id) {
    status revision publishedAt
    stages { title requirement requiredCount credentials { title } }
    coverage { coveredCount coreCount }
    comments { kind body authorName resolution resolutionNote }
    endorsements { employer { name } commitment statement current }
  }
}`;

/**
 * The co-design scenarios of issue 5 on the demo data, in a real browser: an employer partner
 * designs and submits, the validating partner approves, the employer endorses, the college
 * publishes; two people editing at once; and what a visitor without an account can reach.
 */
describe('co-designing a pathway in the console', () => {
  let api: TestApi;
  let browser: TestBrowser;
  let console_: DesignerPage;
  const ids: Record<'networkSupport' | 'itSupportDraft' | 'pharmacy' | 'wireless', string> = {} as never;

  /** Full-page screenshots start from the top, where the fixed app bar belongs. */
  const shot = async (name: string) => {
    await browser.page.evaluate('window.scrollTo(0, 0)');
    await browser.screenshot(name);
  };

  const design = async (id: string) => {
    const result = await api.gql(DESIGN, { id });
    expect(result.errors).toBeUndefined();
    return result.data!.pathway;
  };

  beforeAll(async () => {
    if (!fs.existsSync(ADMIN_DIST)) throw new Error('admin/dist is missing: build the admin console first with `npm run build:admin`');
    api = await startTestApi();
    await seedDemoData(api.db);
    const found = await api.gql(`{
      pathways(first: 50) { nodes { id title status } }
      credentials(first: 5, filter: { search: "Wireless Networking" }) { nodes { id title } }
    }`);
    const pathways: { id: string; title: string; status: string }[] = found.data!.pathways.nodes;
    const find = (title: string, status: string) => pathways.find((pathway) => pathway.title === title && pathway.status === status)!.id;
    ids.networkSupport = find('Network Support Technician', 'DRAFT');
    ids.itSupportDraft = find('IT Support', 'DRAFT');
    ids.pharmacy = find('Pharmacy Technician', 'CHANGES_REQUESTED');
    ids.wireless = found.data!.credentials.nodes[0].id;
    browser = await launchBrowser();
    console_ = new DesignerPage(browser.page, `${api.url}/admin`);
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('1. an employer partner adds a credential to a stage, sees coverage rise, comments and submits for review', async () => {
    await console_.signInAs('employer@demo.test');
    await console_.openFromList('Network Support Technician');
    expect(await console_.coverage('4 of 6 covered')).toEqual({ covered: 4, core: 6 });
    expect(await console_.page.getByTestId('uncovered').textContent()).toContain('IT-4.3');
    expect(await console_.lifecycleButtons()).toEqual(['Submit for review']);
    await shot('codesign-1-designer-draft');

    await console_.addCredential('Networking core', 'IT Support', 'IT Support Fundamentals');
    expect(await console_.coverage('6 of 6 covered')).toEqual({ covered: 6, core: 6 });
    expect(await console_.page.getByTestId('uncovered').count()).toBe(0);
    const afterAdd = await design(ids.networkSupport);
    expect(afterAdd.stages[0].credentials.map((credential: { title: string }) => credential.title)).toEqual(['Network Basics', 'IT Support Fundamentals']);
    expect(afterAdd.coverage).toEqual({ coveredCount: 6, coreCount: 6 });
    await shot('codesign-1-coverage-after-adding');

    const note = 'Fundamentals first covers the hardware troubleshooting our field techs need.';
    await console_.comment(note);
    expect((await design(ids.networkSupport)).comments).toContainEqual({ kind: 'COMMENT', body: note, authorName: 'Erin Employer', resolution: null, resolutionNote: null });

    const earlier = console_.page.getByRole('region', { name: 'Discussion' }).getByTestId('comment').filter({ hasText: 'keep wireless in the core' });
    await earlier.getByRole('button', { name: 'Resolve' }).click();
    await earlier.getByLabel('Resolution').click();
    await console_.page.getByRole('option', { name: 'Answered' }).click();
    await earlier.getByLabel('Note').fill('Wireless stays in stage 2, beside recovery.');
    await earlier.getByRole('button', { name: 'Save' }).click();
    await earlier.getByText('Answered: Wireless stays in stage 2, beside recovery.').waitFor();
    expect((await design(ids.networkSupport)).comments).toContainEqual(expect.objectContaining({ resolution: 'ANSWERED', resolutionNote: 'Wireless stays in stage 2, beside recovery.' }));

    await console_.lifecycleButton('Submit for review').click();
    await console_.status('In review');
    expect((await design(ids.networkSupport)).status).toBe('IN_REVIEW');
    // In review, the design is frozen for everyone until the validator decides.
    expect(await console_.page.getByLabel(/^Add a credential to/).count()).toBe(0);
    expect(await console_.lifecycleButtons()).toEqual([]);
    expect(await console_.errorNotices()).toEqual([]);
    await shot('codesign-1-submitted');
  }, SCENARIO_TIMEOUT);

  it('2. the validating partner approves, the employer endorses and the college publishes', async () => {
    // Approval is a validating partner's step (DOMAIN.md): Meridian validates this pathway.
    await console_.signInAs('validator@demo.test');
    await console_.open(ids.networkSupport);
    expect(await console_.lifecycleButtons()).toEqual(['Approve', 'Request changes']);
    await shot('codesign-2-validator-review');
    await console_.lifecycleButton('Approve').click();
    await console_.status('Approved');
    expect((await design(ids.networkSupport)).status).toBe('APPROVED');

    await console_.signInAs('staff@demo.test');
    await console_.open(ids.networkSupport);
    expect(await console_.lifecycleButtons()).toEqual(['Publish']);
    expect(await console_.lifecycleButton('Publish').isDisabled()).toBe(true);
    expect(await console_.page.getByTestId('lifecycle-blocked').textContent()).toMatch(/^Still missing: .*endorsement/);
    expect(await console_.page.getByTestId('approved-by').textContent()).toBe('Approved by Victor Validator (Meridian Data Networks)');
    expect((await console_.readiness()).filter((check) => !check.passed).map((check) => check.name)).toEqual([
      'Every credential published and assessed',
      'A current employer endorsement',
    ]);
    await shot('codesign-2-staff-not-ready');

    await console_.signInAs('employer@demo.test');
    await console_.open(ids.networkSupport);
    const endorsements = console_.page.getByRole('region', { name: 'Endorsements' });
    await endorsements.getByRole('button', { name: 'Endorse' }).click();
    const statement = 'We will interview every completer for our network support openings.';
    await endorsements.getByLabel('Endorsement statement').fill(statement);
    await endorsements.getByLabel('Commitment').click();
    await console_.page.getByRole('option', { name: 'Interview guarantee' }).click();
    await endorsements.getByLabel('Job title').fill('Director of Field Services');
    await endorsements.getByRole('button', { name: 'Sign endorsement' }).click();
    await endorsements.getByTestId('endorsement').filter({ hasText: statement }).waitFor();
    expect((await design(ids.networkSupport)).endorsements).toEqual([
      { employer: { name: 'Brightline IT Services' }, commitment: 'INTERVIEW_GUARANTEE', statement, current: true },
    ]);
    await shot('codesign-2-endorsed');

    // The college publishes the wireless credential it still had in draft (credential editing is its own screen).
    const staffToken = await tokenFor(api, 'staff@demo.test', 'demo-password');
    const published = await api.gql(
      `mutation($input: CredentialUpdateInput!) { credentialUpdate(input: $input) { userErrors { code message } } }`,
      { input: await withCurrentRevision(api.db, { id: ids.wireless, status: 'PUBLISHED' }) },
      { token: staffToken },
    );
    expect(published.data?.credentialUpdate.userErrors).toEqual([]);

    await console_.signInAs('staff@demo.test');
    await console_.open(ids.networkSupport);
    await console_.page.getByText('Ready to publish').waitFor();
    expect((await console_.readiness()).every((check) => check.passed)).toBe(true);
    await console_.lifecycleButton('Publish').click();
    await console_.page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
    await console_.status('Published');
    await console_.page.getByRole('dialog').waitFor({ state: 'hidden' });
    const after = await design(ids.networkSupport);
    expect(after.status).toBe('PUBLISHED');
    expect(after.publishedAt).not.toBeNull();
    expect(await console_.lifecycleButtons()).toEqual(['Start a revision', 'Retire']);
    expect(await console_.errorNotices()).toEqual([]);
    await shot('codesign-2-published');
  }, SCENARIO_TIMEOUT);

  it('4. a concurrent edit shows the conflict message and keeps what was typed', async () => {
    const colleague = await launchBrowser();
    try {
      const other = new DesignerPage(colleague.page, `${api.url}/admin`);
      await console_.signInAs('staff@demo.test');
      await console_.open(ids.itSupportDraft);
      await other.signInAs('employer@demo.test');
      await other.open(ids.itSupportDraft);

      await other.addCredential('Network Basics', 'Wireless', 'Wireless Networking');

      const stage = console_.stage('Service desk experience');
      await stage.getByTestId('stage-requirement').filter({ hasText: 'At least 1 of 2' }).waitFor();
      await stage.getByLabel('N', { exact: true }).fill('2');
      await console_.page.getByText('Someone else changed this pathway: reload').waitFor();
      expect(await stage.getByLabel('N', { exact: true }).inputValue()).toBe('2');
      expect((await design(ids.itSupportDraft)).stages[2]).toMatchObject({ requirement: 'AT_LEAST', requiredCount: 1 });
      await shot('codesign-4-conflict');

      // After the reload brings the colleague's credential, what is still typed is saved on top of it.
      await console_.page.getByRole('button', { name: 'Reload' }).click();
      await console_.stage('Network Basics').getByText('Wireless Networking', { exact: true }).waitFor();
      expect(await console_.page.getByText('Someone else changed this pathway: reload').count()).toBe(0);
      expect(await stage.getByLabel('N', { exact: true }).inputValue()).toBe('2');
      await stage.getByTestId('stage-requirement').filter({ hasText: 'At least 2 of 2' }).waitFor();
      const networkBasics = (await design(ids.itSupportDraft)).stages.find((one: { title: string }) => one.title === 'Network Basics');
      expect(networkBasics.credentials.map((credential: { title: string }) => credential.title)).toContain('Wireless Networking');
      expect((await design(ids.itSupportDraft)).stages[2]).toMatchObject({ requirement: 'AT_LEAST', requiredCount: 2 });
    } finally {
      await colleague.close();
    }
  }, SCENARIO_TIMEOUT);

  it('reorders stages by dragging one by its handle', async () => {
    await console_.open(ids.itSupportDraft);
    const handle = console_.page.getByRole('button', { name: 'Move stage Service desk experience' });
    const target = console_.stage('IT Support Fundamentals');
    // The pointer only reaches what is on screen: bring the whole list into view first.
    await console_.page.evaluate(`document.querySelector('section[aria-label="Stages"]').scrollIntoView({ block: 'start' })`);
    const from = (await handle.boundingBox())!;
    const to = (await target.boundingBox())!;
    await console_.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await console_.page.mouse.down();
    for (let step = 1; step <= 12; step += 1) {
      await console_.page.mouse.move(from.x + from.width / 2, from.y + ((to.y + 10 - from.y) * step) / 12);
    }
    await console_.page.mouse.up();
    await console_.page.getByText('Stages reordered').waitFor();
    expect((await design(ids.itSupportDraft)).stages.map((stage: { title: string }) => stage.title)).toEqual([
      'Service desk experience', 'IT Support Fundamentals', 'Network Basics',
    ]);
    expect(await console_.stages.getByTestId('stage').first().getAttribute('aria-label')).toBe('Stage 1: Service desk experience');
    await shot('codesign-stages-reordered');
  });

  it('5. a visitor without an account cannot reach drafts', async () => {
    const visitor = await launchBrowser();
    try {
      await visitor.page.goto(`${api.url}/admin/pathways/${encodeURIComponent(ids.itSupportDraft)}/show`);
      await visitor.page.getByLabel('Email').waitFor(PAGE_LOAD);
      expect(new URL(visitor.page.url()).pathname).toBe('/admin/login');
      expect(await visitor.page.getByText('IT Support').count()).toBe(0);
      await visitor.screenshot('codesign-5-visitor-sent-to-sign-in');
    } finally {
      await visitor.close();
    }

    const publicRead = await api.gql(`query($id: ID!) { pathway(id: $id) { title } }`, { id: ids.itSupportDraft }, { token: null });
    expect(publicRead.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(publicRead.data?.pathway).toBeNull();
    const publicList = await api.gql(`{ pathways(first: 50) { nodes { status } } }`, {}, { token: null });
    expect(new Set(publicList.data?.pathways.nodes.map((node: { status: string }) => node.status))).toEqual(new Set(['PUBLISHED']));

    // Signed in but not a partner on it: the draft is hidden, not an error page.
    await console_.signInAs('validator@demo.test');
    await console_.page.goto(`${api.url}/admin/pathways/${encodeURIComponent(ids.pharmacy)}/show`);
    await console_.page.getByText('This pathway is not shared with you').waitFor(PAGE_LOAD);
    expect(await console_.page.getByText('Pharmacy Technician').count()).toBe(0);
    await shot('codesign-5-not-shared');
  }, SCENARIO_TIMEOUT);
});
