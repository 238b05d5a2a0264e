import fs from 'node:fs';
import path from 'node:path';
import { publicBaseUrl } from '../../api/src/modules/interop/identifiers';
import { CompetencyType } from '../../api/src/modules/standards/competency.entity';
import { startTestApi, TestApi } from '../support/api';
import { gid, makeCompetency, makeFramework } from '../support/factories';

/**
 * A package shaped like those CASE publishers serve (Common Core Mathematics, Grade 1 Operations and
 * Algebraic Thinking, in the structure OpenSALT publishes): uppercase UUIDs, CFItemTypes such as
 * "Domain", "Cluster" and "Standard", a grade item without humanCodingScheme, lastChangeDateTime
 * with microseconds and an offset, a creator but no publisher, CFDefinitions and non-hierarchy
 * associations.
 */
const PUBLISHED = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'case', 'ccss-math-grade1-oa.json'), 'utf8'));

const IMPORT = `mutation($input: CompetencyFrameworkImportInput!) {
  competencyFrameworkImport(input: $input) { competencyFramework { id } frameworkCreated created updated unchanged userErrors { field code message } }
}`;
const EXPORT = `query($id: ID!) { competencyFramework(id: $id) { casePackage } }`;

type Json = Record<string, any>;
const byIdentifier = (list: Json[]) => new Map(list.map((entry) => [entry.identifier, entry]));

describe('CASE round trip of a published package', () => {
  let api: TestApi;
  let exported: Json;

  beforeAll(async () => {
    api = await startTestApi();
    const imported = await api.gql(IMPORT, { input: { package: PUBLISHED } });
    expect(imported.data!.competencyFrameworkImport).toMatchObject({ userErrors: [], frameworkCreated: true, created: PUBLISHED.CFItems.length });
    const result = await api.gql(EXPORT, { id: imported.data!.competencyFrameworkImport.competencyFramework.id });
    exported = result.data!.competencyFramework.casePackage;
  });
  afterAll(() => api.close());

  it('gives back the CFDocument field by field, with no publisher added', () => {
    expect(exported.CFDocument).toEqual(PUBLISHED.CFDocument);
    expect(exported.CFDocument.publisher).toBeUndefined();
  });

  it('gives back every CFItem field by field: uppercase identifiers, open item types, microseconds, no invented coding scheme', () => {
    const items = byIdentifier(exported.CFItems);
    expect([...items.keys()].sort()).toEqual(PUBLISHED.CFItems.map((item: Json) => item.identifier).sort());
    for (const given of PUBLISHED.CFItems) expect(items.get(given.identifier)).toEqual(given);
  });

  it('gives back every association field by field, isChildOf ones keeping their own identifier, uri and lastChangeDateTime', () => {
    const associations = byIdentifier(exported.CFAssociations);
    expect([...associations.keys()].sort()).toEqual(PUBLISHED.CFAssociations.map((a: Json) => a.identifier).sort());
    for (const given of PUBLISHED.CFAssociations) expect(associations.get(given.identifier)).toEqual(given);
  });

  it('gives back the other package members (CFDefinitions)', () => {
    expect(exported.CFDefinitions).toEqual(PUBLISHED.CFDefinitions);
  });

  it('changes nothing when the same package comes again', async () => {
    const again = await api.gql(IMPORT, { input: { package: PUBLISHED } });
    expect(again.data!.competencyFrameworkImport).toMatchObject({ userErrors: [], frameworkCreated: false, created: 0, updated: 0, unchanged: PUBLISHED.CFItems.length });
  });

  it('serves the package, its document, items and associations by UUID in any case', async () => {
    const get = (kind: string, id: string) => fetch(`${api.url}/ims/case/v1p1/${kind}/${id}`);
    const documentId = PUBLISHED.CFDocument.identifier as string;
    expect((await (await get('CFPackages', documentId.toLowerCase())).json() as Json).CFDocument.identifier).toBe(documentId);
    expect(await (await get('CFDocuments', documentId)).json()).toEqual(PUBLISHED.CFDocument);
    const standard = PUBLISHED.CFItems.find((item: Json) => item.humanCodingScheme === '1.OA.A.1');
    expect(await (await get('CFItems', standard.identifier.toLowerCase())).json()).toEqual(standard);
    const childOf = PUBLISHED.CFAssociations.find((a: Json) => a.associationType === 'isChildOf' && a.originNodeURI.identifier === standard.identifier);
    expect(await (await get('CFAssociations', childOf.identifier)).json()).toEqual(childOf);
    const itemAssociations = (await (await get('CFItemAssociations', standard.identifier)).json()) as Json;
    expect(itemAssociations.CFItem).toEqual(standard);
    expect(itemAssociations.CFAssociations.map((a: Json) => a.associationType).sort()).toEqual(['exactMatchOf', 'isChildOf', 'isChildOf']);
  });

  it('answers 400 invalid_uuid for a malformed UUID and 404 unknownobject for an unknown one', async () => {
    for (const kind of ['CFPackages', 'CFDocuments', 'CFItems', 'CFAssociations', 'CFItemAssociations']) {
      const malformed = await fetch(`${api.url}/ims/case/v1p1/${kind}/not-a-uuid`);
      expect(malformed.status).toBe(400);
      expect(JSON.stringify(await malformed.json())).toContain('invalid_uuid');
      const unknown = await fetch(`${api.url}/ims/case/v1p1/${kind}/00000000-0000-4000-8000-000000000000`);
      expect(unknown.status).toBe(404);
      expect(JSON.stringify(await unknown.json())).toContain('unknownobject');
    }
  });

  it('serves every URI it publishes for a framework made here', async () => {
    const framework = await makeFramework(api.db, { name: 'Network Support Standard', publisher: 'State Board' });
    const parent = await makeCompetency(api.db, framework.id, { code: 'NS-1', statement: 'Support networks', type: CompetencyType.SKILL });
    await makeCompetency(api.db, framework.id, { code: 'NS-1.1', statement: 'Crimp cables', type: CompetencyType.TASK, parentId: parent.id });
    const pkg = (await api.gql(EXPORT, { id: gid(framework) })).data!.competencyFramework.casePackage as Json;
    const uris = [pkg.CFDocument.uri, pkg.CFDocument.CFPackageURI.uri, ...pkg.CFItems.map((i: Json) => i.uri), ...pkg.CFAssociations.map((a: Json) => a.uri)];
    expect(uris.length).toBe(6);
    for (const uri of uris) {
      expect(uri.startsWith(publicBaseUrl())).toBe(true);
      expect([uri, (await fetch(`${api.url}${new URL(uri).pathname}`)).status]).toEqual([uri, 200]);
    }
  });
});
