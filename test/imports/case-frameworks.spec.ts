import fs from 'node:fs';
import path from 'node:path';
import { issueToken } from '../../api/src/modules/accounts/auth.service';
import { Role } from '../../api/src/modules/accounts/user.entity';
import { caseBaseUrl } from '../../api/src/modules/standards/case-package';
import { CompetencyType } from '../../api/src/modules/standards/competency.entity';
import { seedDemoData } from '../../api/src/seed/demo';
import { startTestApi, TestApi } from '../support/api';
import { gid, makeCompetency, makeFramework, makeInstitution, makeUser } from '../support/factories';

const FOREIGN = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'case', 'manufacturing-technician.json'), 'utf8'));

const EXPORT = `query($id: ID!) { competencyFramework(id: $id) { casePackage } }`;
const EXPORT_ALL = `{ competencyFrameworks(first: 20) { nodes { name caseIdentifier casePackage } } }`;
const IMPORT = `mutation($input: CompetencyFrameworkImportInput!) {
  competencyFrameworkImport(input: $input) {
    competencyFramework { id name jurisdiction competencyCount }
    frameworkCreated created updated unchanged
    userErrors { field code }
  }
}`;

type Json = Record<string, any>;
const byIdentifier = (a: Json, b: Json) => (a.identifier < b.identifier ? -1 : 1);
/** The same package whatever order its lists come in. */
const normalised = (pkg: Json) => ({ ...pkg, CFItems: [...pkg.CFItems].sort(byIdentifier), CFAssociations: [...pkg.CFAssociations].sort(byIdentifier) });

describe('CASE 1.1 competency frameworks', () => {
  let api: TestApi;
  let fresh: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    fresh = await startTestApi();
  });
  afterAll(async () => {
    await api?.close();
    await fresh?.close();
  });

  it('exports a framework as a CFPackage with its items and isChildOf hierarchy', async () => {
    const framework = await makeFramework(api.db, { name: 'Help Desk Standard', publisher: 'State Board', version: '2', jurisdiction: 'US-OH', sourceUrl: 'https://board.example.gov/helpdesk' });
    const parent = await makeCompetency(api.db, framework.id, { code: 'HD-1', statement: 'Resolve user problems', type: CompetencyType.SKILL });
    const child = await makeCompetency(api.db, framework.id, { code: 'HD-1.1', statement: 'Log tickets', type: CompetencyType.TASK, parentId: parent.id });
    const result = await api.gql(EXPORT, { id: gid(framework) });
    const pkg = result.data?.competencyFramework.casePackage;
    const [{ case_identifier: documentId }] = await api.db.query('SELECT case_identifier FROM competency_framework WHERE id = $1', [framework.id]);
    const items = await api.db.query('SELECT code, case_identifier FROM competency WHERE framework_id = $1 ORDER BY code', [framework.id]);
    expect(pkg.CFDocument).toMatchObject({
      identifier: documentId, title: 'Help Desk Standard', creator: 'State Board', publisher: 'State Board', version: '2',
      officialSourceURL: 'https://board.example.gov/helpdesk', extensions: { jurisdiction: 'US-OH' },
      uri: `${caseBaseUrl()}/CFDocuments/${documentId}`,
      CFPackageURI: { identifier: documentId, uri: `${caseBaseUrl()}/CFPackages/${documentId}`, title: 'Help Desk Standard' },
      lastChangeDateTime: framework.updatedAt.toISOString(),
    });
    expect(pkg.CFItems.map((item: Json) => [item.humanCodingScheme, item.CFItemType, item.identifier])).toEqual([
      ['HD-1', 'Skill', items[0].case_identifier],
      ['HD-1.1', 'Task', items[1].case_identifier],
    ]);
    expect(pkg.CFAssociations.map((a: Json) => [a.associationType, a.originNodeURI.identifier, a.destinationNodeURI.identifier, a.sequenceNumber])).toEqual([
      ['isChildOf', items[0].case_identifier, documentId, 1],
      ['isChildOf', items[1].case_identifier, items[0].case_identifier, 1],
    ]);
    expect(child.parentId).toBe(parent.id);

    const served = await fetch(`${api.url}/ims/case/v1p1/CFPackages/${documentId}`);
    expect(served.status).toBe(200);
    expect(await served.json()).toEqual(pkg);
    const unknown = await fetch(`${api.url}/ims/case/v1p1/CFPackages/00000000-0000-4000-8000-000000000000`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as Json).imsx_codeMinor.imsx_codeMinorField[0].imsx_codeMinorFieldValue).toBe('unknownobject');
    expect((await fetch(`${api.url}/ims/case/v1p1/CFPackages/not-a-uuid`)).status).toBe(400);
  });

  it('round-trips every demo framework through a fresh database without losing anything', async () => {
    await seedDemoData(api.db);
    const exported = (await api.gql(EXPORT_ALL)).data?.competencyFrameworks.nodes as Json[];
    const demo = exported.filter((framework) => framework.casePackage.CFItems.length >= 5);
    expect(demo.length).toBeGreaterThanOrEqual(3);
    for (const framework of demo) {
      const imported = await fresh.gql(IMPORT, { input: { package: framework.casePackage } });
      expect(imported.data?.competencyFrameworkImport).toMatchObject({ frameworkCreated: true, created: framework.casePackage.CFItems.length, userErrors: [] });
      const again = await fresh.gql(EXPORT, { id: imported.data?.competencyFrameworkImport.competencyFramework.id });
      expect(again.data?.competencyFramework.casePackage).toEqual(framework.casePackage);
    }
  });

  it('updates rather than duplicates when a package is imported again, and reports what changed', async () => {
    const first = await fresh.gql(IMPORT, { input: { package: FOREIGN } });
    expect(first.data?.competencyFrameworkImport).toMatchObject({
      competencyFramework: { name: 'Advanced Manufacturing Technician Standard', jurisdiction: 'US-OH', competencyCount: 4 },
      frameworkCreated: true, created: 4, updated: 0, unchanged: 0, userErrors: [],
    });
    const again = await fresh.gql(IMPORT, { input: { package: FOREIGN } });
    expect(again.data?.competencyFrameworkImport).toMatchObject({ frameworkCreated: false, created: 0, updated: 0, unchanged: 4 });
    const edited = structuredClone(FOREIGN);
    edited.CFItems[1].fullStatement = 'Explain lockout/tagout and every energy source it controls.';
    edited.CFItems[1].lastChangeDateTime = '2025-08-01T09:30:00.000Z';
    const changed = await fresh.gql(IMPORT, { input: { package: edited } });
    expect(changed.data?.competencyFrameworkImport).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
    const [{ n }] = await fresh.db.query(`SELECT count(*)::int AS n FROM competency_framework WHERE name = 'Advanced Manufacturing Technician Standard'`);
    expect(n).toBe(1);
    const exported = await fresh.gql(EXPORT, { id: first.data?.competencyFrameworkImport.competencyFramework.id });
    expect(normalised(exported.data?.competencyFramework.casePackage)).toEqual(normalised(edited));
  });

  it('keeps what a package from elsewhere carries beyond our columns', async () => {
    const imported = await api.gql(IMPORT, { input: { package: FOREIGN } });
    const exported = await api.gql(EXPORT, { id: imported.data?.competencyFrameworkImport.competencyFramework.id });
    expect(normalised(exported.data?.competencyFramework.casePackage)).toEqual(normalised(FOREIGN));
  });

  it('refuses a package with problems as a whole, naming each one', async () => {
    const broken = structuredClone(FOREIGN);
    broken.CFDocument.identifier = 'c0ffee00-0000-4000-8000-0000000000aa';
    delete broken.CFItems[0].fullStatement;
    broken.CFItems[2].CFItemType = 42;
    broken.CFItems[3].identifier = broken.CFItems[1].identifier;
    const result = await api.gql(IMPORT, { input: { package: broken } });
    expect(result.data?.competencyFrameworkImport.competencyFramework).toBeNull();
    expect(result.data?.competencyFrameworkImport.userErrors).toEqual([
      { field: ['input', 'package', 'CFItems', '0', 'fullStatement'], code: 'REQUIRED' },
      { field: ['input', 'package', 'CFItems', '2', 'CFItemType'], code: 'INVALID' },
      { field: ['input', 'package', 'CFItems', '3', 'identifier'], code: 'TAKEN' },
    ]);
    const looped = structuredClone(FOREIGN);
    looped.CFDocument.identifier = 'c0ffee00-0000-4000-8000-0000000000bb';
    looped.CFItems.forEach((item: Json, index: number) => { item.identifier = `c0ffee00-0000-4000-8000-00000000010${index}`; });
    looped.CFAssociations = [
      { identifier: 'c0ffee00-0000-4000-8000-000000000201', associationType: 'isChildOf', originNodeURI: { identifier: looped.CFItems[0].identifier }, destinationNodeURI: { identifier: looped.CFItems[1].identifier } },
      { identifier: 'c0ffee00-0000-4000-8000-000000000202', associationType: 'isChildOf', originNodeURI: { identifier: looped.CFItems[1].identifier }, destinationNodeURI: { identifier: looped.CFItems[0].identifier } },
    ];
    const loop = await api.gql(IMPORT, { input: { package: looped } });
    expect(loop.data?.competencyFrameworkImport.userErrors.map((e: Json) => e.code)).toEqual(['CYCLE', 'CYCLE']);
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM competency_framework WHERE case_identifier IN ('c0ffee00-0000-4000-8000-0000000000aa', 'c0ffee00-0000-4000-8000-0000000000bb')`);
    expect(n).toBe(0);
  });

  it('lets only admins import, and everyone read the export', async () => {
    const college = await makeInstitution(api.db);
    const { token } = await issueToken(await makeUser(api.db, Role.INSTITUTION_STAFF, { institutionId: college.id }));
    const staff = await api.gql(IMPORT, { input: { package: FOREIGN } }, { token });
    expect(staff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await api.gql(IMPORT, { input: { package: FOREIGN } }, { token: null });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const framework = await makeFramework(api.db);
    const read = await api.gql(EXPORT, { id: gid(framework) }, { token: null });
    expect(read.data?.competencyFramework.casePackage.CFDocument.title).toBe(framework.name);
  });
});
