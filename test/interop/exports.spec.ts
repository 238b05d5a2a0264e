import { Role } from '../../api/src/modules/accounts/user.entity';
import { AlignmentStrength } from '../../api/src/modules/credentials/alignment.entity';
import { AssessmentMethod } from '../../api/src/modules/credentials/assessment.entity';
import { Credential, CredentialStatus } from '../../api/src/modules/credentials/credential.entity';
import { Occupation } from '../../api/src/modules/occupations/occupation.entity';
import { Pathway, PathwayStatus } from '../../api/src/modules/pathways/pathway.entity';
import { StageRequirement } from '../../api/src/modules/pathways/pathway-stage.entity';
import { publicBaseUrl } from '../../api/src/modules/interop/identifiers';
import { startTestApi, TestApi } from '../support/api';
import { gid, makeCompetency, makeEmployer, makeFramework, makeInstitution, makeOccupation, makeUser, tokenFor } from '../support/factories';
import { align, assess, makeCredential, makeOutcome, makePublishedCredential, makeRubricLevel } from '../support/factories/credentials';
import { addDestination, addOffRamp, addPartner, addToStage, makePathway, makeStage } from '../support/factories/pathways';
import { compileValidatorsFirst, ctdlValidators, describeWithStandards, errorsOf, openBadgesValidators } from './standards';

const OPEN_BADGE = `query($id: ID!) { credential(id: $id) { openBadge } }`;
const CTDL = `query($id: ID!) { pathway(id: $id) { ctdl } }`;

type Node = Record<string, any>;

describe('exports', () => {
  let api: TestApi;
  let fundamentals: Credential;
  let networking: Credential;
  let draftCredential: Credential;
  let supportSpecialist: Occupation;
  let published: Pathway;
  let draft: Pathway;
  let partnerToken: string;
  let outsiderToken: string;

  const get = (path: string, token?: string | null) =>
    fetch(`${api.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    compileValidatorsFirst();
    api = await startTestApi();
    const college = await makeInstitution(api.db, { name: 'Lakeshore College', websiteUrl: 'https://lakeshore.example.edu' });
    const framework = await makeFramework(api.db, { name: 'IT Support Standard' });
    const troubleshoot = await makeCompetency(api.db, framework.id, { code: 'ITS-1.1', statement: 'Troubleshoots workstation faults', caseIdentifier: '9b0c9a56-2f7e-4c59-9a0e-4d3c1f1e2a10' });
    const ticketing = await makeCompetency(api.db, framework.id, { code: 'ITS-2.3', statement: 'Logs and escalates tickets' });
    supportSpecialist = await makeOccupation(api.db, { socCode: '15-1232', onetSocCode: '15-1232.00', title: 'Computer User Support Specialists' });
    const networkTech = await makeOccupation(api.db, { socCode: '15-1231', title: 'Computer Network Support Specialists' });

    fundamentals = await makeCredential(api.db, college.id, {
      title: 'IT Support Fundamentals', description: 'Workstation support basics', creditValue: 3, status: CredentialStatus.PUBLISHED,
      criteria: 'Complete the lab tasks to the rubric standard.',
    });
    await assess(api.db, fundamentals.id, { method: AssessmentMethod.SIMULATION, description: 'Fix three broken workstations' });
    const outcome = await makeOutcome(api.db, fundamentals.id, { statement: 'Diagnose common hardware faults' });
    await align(api.db, outcome.id, troubleshoot.id, AlignmentStrength.EXACT);
    await align(api.db, outcome.id, ticketing.id, AlignmentStrength.PARTIAL);
    await makeRubricLevel(api.db, fundamentals.id, 1, { name: 'Developing', criteria: 'Needs prompts' });
    await makeRubricLevel(api.db, fundamentals.id, 2, { name: 'Proficient', criteria: 'Works unaided' });
    networking = await makePublishedCredential(api.db, college.id, { title: 'Network Basics', creditValue: 4 });
    const helpDesk = await makePublishedCredential(api.db, college.id, { title: 'Help Desk Practicum' });
    const service = await makePublishedCredential(api.db, college.id, { title: 'Customer Service Essentials' });
    draftCredential = await makeCredential(api.db, college.id, { title: 'Cloud Basics (draft)' });

    published = await makePathway(api.db, college.id, { title: 'IT Support', status: PathwayStatus.PUBLISHED });
    const first = await makeStage(api.db, published.id, 1, { title: 'Foundations' });
    await addToStage(api.db, first.id, fundamentals.id, 0);
    await addToStage(api.db, first.id, networking.id, 1);
    const second = await makeStage(api.db, published.id, 2, { title: 'Practice', requirement: StageRequirement.AT_LEAST, requiredCount: 1 });
    await addToStage(api.db, second.id, helpDesk.id, 0);
    await addToStage(api.db, second.id, service.id, 1);
    await addDestination(api.db, published.id, supportSpecialist.id);
    await addOffRamp(api.db, published.id, networking.id, networkTech.id);

    draft = await makePathway(api.db, college.id, { title: 'Cloud Support (draft)' });
    const only = await makeStage(api.db, draft.id, 1);
    await addToStage(api.db, only.id, draftCredential.id);
    const partner = await makeEmployer(api.db);
    const outsider = await makeEmployer(api.db);
    await addPartner(api.db, draft.id, partner.id);
    const partnerUser = await makeUser(api.db, Role.EMPLOYER_PARTNER, { employerId: partner.id });
    const outsiderUser = await makeUser(api.db, Role.EMPLOYER_PARTNER, { employerId: outsider.id });
    partnerToken = await tokenFor(api, partnerUser.email);
    outsiderToken = await tokenFor(api, outsiderUser.email);
  });
  afterAll(() => api.close());

  describe('Credential.openBadge', () => {
    let badge: Node;
    beforeAll(async () => {
      badge = (await api.gql(OPEN_BADGE, { id: gid(fundamentals) }, { token: null })).data!.credential.openBadge;
    });

    it('is an Open Badges MicroCredential Achievement at a stable URL, created by its issuer', () => {
      expect(badge.id).toBe(`${publicBaseUrl()}/ob/achievements/${gid(fundamentals)}`);
      expect(badge.type).toEqual(['Achievement']);
      expect(badge.achievementType).toBe('MicroCredential');
      expect(badge.name).toBe('IT Support Fundamentals');
      expect(badge.creditsAvailable).toBe(3);
      expect(badge.creator).toMatchObject({ type: ['Profile'], name: 'Lakeshore College', url: 'https://lakeshore.example.edu' });
    });

    it('states its criteria from the issuer\'s words, its assessments and its outcomes', () => {
      expect(badge.criteria.narrative).toContain('Complete the lab tasks to the rubric standard.');
      expect(badge.criteria.narrative).toContain('Simulation: Fix three broken workstations');
      expect(badge.criteria.narrative).toContain('Diagnose common hardware faults');
    });

    it('aligns to its competencies and to the SOC codes its published pathways lead to', async () => {
      const byCode = Object.fromEntries(badge.alignment.map((a: Node) => [a.targetCode, a]));
      expect(Object.keys(byCode).sort()).toEqual(['15-1232', 'ITS-1.1', 'ITS-2.3']);
      expect(byCode['ITS-1.1']).toMatchObject({ targetType: 'CFItem', targetUrl: `${publicBaseUrl()}/ims/case/v1p1/CFItems/9b0c9a56-2f7e-4c59-9a0e-4d3c1f1e2a10`, targetFramework: 'IT Support Standard' });
      expect(byCode['ITS-2.3'].targetUrl).toMatch(new RegExp(`^${publicBaseUrl()}/ims/case/v1p1/CFItems/[0-9a-f-]{36}$`));
      // Resolvable: the URL answers with the CFItem it names.
      for (const code of ['ITS-1.1', 'ITS-2.3']) {
        const response = await fetch(`${api.url}${new URL(byCode[code].targetUrl).pathname}`);
        expect(response.status).toBe(200);
        expect(((await response.json()) as { humanCodingScheme?: string }).humanCodingScheme).toBe(code);
      }
      expect(byCode['15-1232']).toMatchObject({ targetName: 'Computer User Support Specialists', targetUrl: 'https://www.onetonline.org/link/summary/15-1232.00' });
    });

    it('takes its result descriptions from the rubric, lowest level first', () => {
      expect(badge.resultDescription).toHaveLength(1);
      expect(badge.resultDescription[0].resultType).toBe('RubricCriterionLevel');
      expect(badge.resultDescription[0].allowedValue).toEqual(['Developing', 'Proficient']);
      expect(badge.resultDescription[0].rubricCriterionLevel.map((l: Node) => [l.name, l.description, l.level])).toEqual([
        ['Developing', 'Needs prompts', '1'],
        ['Proficient', 'Works unaided', '2'],
      ]);
    });

    it('leads an off-ramp credential to its own occupation too', async () => {
      const result = await api.gql(OPEN_BADGE, { id: gid(networking) });
      expect(result.data!.credential.openBadge.alignment.map((a: Node) => a.targetCode).sort()).toEqual(['15-1231', '15-1232']);
    });

    it('is served at its id URL as the same JSON-LD document', async () => {
      const response = await get(`/ob/achievements/${gid(fundamentals)}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/ld+json');
      expect(await response.json()).toEqual(badge);
    });

    describeWithStandards('against the Open Badges 3.0 schema', () => {
      it('validates as $defs.Achievement, for credentials with and without rubric and outcomes', async () => {
        const { achievement } = openBadgesValidators();
        expect(errorsOf(achievement, badge)).toEqual([]);
        const plain = (await api.gql(OPEN_BADGE, { id: gid(draftCredential) })).data!.credential.openBadge;
        expect(errorsOf(achievement, plain)).toEqual([]);
      });

      it('would refuse an Achievement without criteria', () => {
        const { achievement } = openBadgesValidators();
        const { criteria: _dropped, ...withoutCriteria } = badge;
        expect(errorsOf(achievement, withoutCriteria).join()).toContain('criteria');
      });
    });
  });

  describe('Pathway.ctdl', () => {
    let graph: Node;
    let nodes: Node[];
    const ofType = (type: string) => nodes.filter((node) => node['@type'] === type);

    beforeAll(async () => {
      graph = (await api.gql(CTDL, { id: gid(published) }, { token: null })).data!.pathway.ctdl;
      nodes = graph['@graph'];
    });

    it('is a JSON-LD graph of the ceterms:Pathway and its components', () => {
      expect(graph['@context']).toBe('https://credreg.net/ctdl/schema/context/json');
      const [pathway] = ofType('ceterms:Pathway');
      expect(pathway['@id']).toBe(`${publicBaseUrl()}/ctdl/pathways/${gid(published)}`);
      expect(pathway['ceterms:name']).toEqual({ 'en-US': 'IT Support' });
      expect(pathway['ceterms:ctid']).toMatch(/^ce-[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const components = ofType('ceterms:CredentialComponent');
      expect(components.map((c) => c['ceterms:name']['en-US'])).toEqual(['IT Support Fundamentals', 'Network Basics', 'Help Desk Practicum', 'Customer Service Essentials']);
      expect(pathway['ceterms:hasChild']).toEqual(components.map((c) => c['@id']));
      expect(components[0]['ceterms:pointValue']).toMatchObject({ 'schema:value': 3 });
    });

    it('leads to the occupation through a JobComponent whose conditions are the stages', () => {
      const [pathway] = ofType('ceterms:Pathway');
      const [job] = ofType('ceterms:JobComponent');
      expect(pathway['ceterms:hasDestinationComponent']).toEqual([job['@id']]);
      expect(job['ceasn:codedNotation']).toBe('15-1232');
      expect(job['ceterms:isDestinationComponentOf']).toEqual([pathway['@id']]);
      const idOf = (title: string) => ofType('ceterms:CredentialComponent').find((c) => c['ceterms:name']['en-US'] === title)!['@id'];
      const byId = new Map(nodes.map((node) => [node['@id'], node]));
      expect(job['ceterms:hasCondition'].map((ref: Node) => byId.get(ref['@id'])).map((c: Node) => [c['@type'], c['ceterms:name']['en-US'], c['ceterms:requiredNumber'], c['ceterms:targetComponent']])).toEqual([
        ['ceterms:ComponentCondition', 'Stage 1: Foundations', 2, [idOf('IT Support Fundamentals'), idOf('Network Basics')]],
        ['ceterms:ComponentCondition', 'Stage 2: Practice', 1, [idOf('Help Desk Practicum'), idOf('Customer Service Essentials')]],
      ]);
    });

    it('is the same document every time, with a distinct CTID per node', async () => {
      const again = (await api.gql(CTDL, { id: gid(published) })).data!.pathway.ctdl;
      expect(again).toEqual(graph);
      const ctids = nodes.map((node) => node['ceterms:ctid']);
      expect(new Set(ctids).size).toBe(ctids.length);
    });

    it('puts each node in the graph once, however many destinations share the conditions', async () => {
      const twoWays = await makePathway(api.db, published.ownerInstitutionId, { title: 'Two Ways', status: PathwayStatus.PUBLISHED });
      const stage = await makeStage(api.db, twoWays.id, 1, { title: 'Core' });
      await addToStage(api.db, stage.id, fundamentals.id, 0);
      await addDestination(api.db, twoWays.id, supportSpecialist.id);
      await addDestination(api.db, twoWays.id, (await makeOccupation(api.db, { socCode: '15-1244', title: 'Network and Computer Systems Administrators' })).id);
      const document = (await api.gql(CTDL, { id: gid(twoWays) }, { token: null })).data!.pathway.ctdl;
      const ctids: string[] = [];
      const walk = (value: unknown): void => {
        if (Array.isArray(value)) value.forEach(walk);
        else if (value && typeof value === 'object') {
          const ctid = (value as Node)['ceterms:ctid'];
          if (ctid) ctids.push(ctid);
          Object.values(value).forEach(walk);
        }
      };
      walk(document);
      expect(new Set(ctids).size).toBe(ctids.length);
      const graphNodes = document['@graph'] as Node[];
      expect(ctids.length).toBe(graphNodes.length);
      const jobs = graphNodes.filter((node) => node['@type'] === 'ceterms:JobComponent');
      expect(jobs).toHaveLength(2);
      const [condition] = graphNodes.filter((node) => node['@type'] === 'ceterms:ComponentCondition');
      for (const job of jobs) expect(job['ceterms:hasCondition']).toEqual([{ '@type': 'ceterms:ComponentCondition', '@id': condition['@id'], 'ceterms:name': condition['ceterms:name'] }]);
    });

    it('is served at its id URL', async () => {
      const response = await get(`/ctdl/pathways/${gid(published)}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/ld+json');
      expect(await response.json()).toEqual(graph);
    });

    describeWithStandards('against the Credential Registry schemas', () => {
      it('validates the pathway with pathway.schema.json and each component with pathway_component.schema.json', async () => {
        const { pathway, component, dangling } = ctdlValidators();
        console.info(`CTDL registry schemas: references without a definition, left unconstrained: ${dangling.join(', ')}`);
        const withoutDestination = (await api.gql(CTDL, { id: gid(draft) })).data!.pathway.ctdl['@graph'] as Node[];
        expect(withoutDestination.map((node) => node['@type'])).toEqual(['ceterms:Pathway', 'ceterms:CredentialComponent', 'ceterms:BasicComponent', 'ceterms:ComponentCondition']);
        for (const document of [nodes, withoutDestination]) {
          const [pathwayNode, ...rest] = document;
          expect(errorsOf(pathway, pathwayNode)).toEqual([]);
          const conditions = rest.filter((node) => node['@type'] === 'ceterms:ComponentCondition');
          for (const node of rest.filter((n) => !conditions.includes(n))) expect(errorsOf(component, node)).toEqual([]);
          // The registry has no schema of its own for a condition: each is checked as the hasCondition entry of a component.
          for (const node of conditions) {
            const holder = rest.find((n) => n['ceterms:hasCondition'])!;
            expect(errorsOf(component, { ...holder, 'ceterms:hasCondition': [node] })).toEqual([]);
          }
        }
      });

      it('would refuse a pathway without an owner or a component with a name that is not a language map', () => {
        const { pathway, component } = ctdlValidators();
        const { 'ceterms:ownedBy': _owner, ...ownerless } = nodes[0];
        expect(errorsOf(pathway, ownerless).join()).toContain('ceterms:ownedBy');
        expect(component({ ...nodes[1], 'ceterms:name': 'IT Support Fundamentals' })).toBe(false);
      });
    });
  });

  it('loads exports in a fixed number of SQL statements, whatever the page size', async () => {
    const badges = (first: number) => api.gql(`query($first: Int) { credentials(first: $first) { nodes { openBadge } } }`, { first });
    const [two, five] = [await badges(2), await badges(5)];
    expect(five.data!.credentials.nodes).toHaveLength(5);
    expect(five.statements).toBe(two.statements);
    const graphs = (first: number) => api.gql(`query($first: Int) { pathways(first: $first) { nodes { ctdl } } }`, { first });
    const [one, both] = [await graphs(1), await graphs(2)];
    expect(both.data!.pathways.nodes).toHaveLength(2);
    expect(both.statements).toBe(one.statements);
  });

  describe('access at the URLs, as in GraphQL', () => {
    it('shows the public only published credentials and pathways', async () => {
      expect((await get(`/ob/achievements/${gid(fundamentals)}`)).status).toBe(200);
      expect((await get(`/ob/achievements/${gid(draftCredential)}`)).status).toBe(401);
      expect((await get(`/ctdl/pathways/${gid(draft)}`)).status).toBe(401);
      const viaGraphQL = await api.gql(CTDL, { id: gid(draft) }, { token: null });
      expect(viaGraphQL.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('shows a draft pathway to its partners and refuses other employers', async () => {
      expect((await get(`/ctdl/pathways/${gid(draft)}`, partnerToken)).status).toBe(200);
      const refused = await get(`/ctdl/pathways/${gid(draft)}`, outsiderToken);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as Node).error.code).toBe('FORBIDDEN');
    });

    it('answers 404 for IDs that name nothing of the kind, and 401 for a bad token', async () => {
      expect((await get(`/ob/achievements/${gid(published)}`)).status).toBe(404);
      expect((await get(`/ctdl/pathways/${Buffer.from('Pathway:999999').toString('base64url')}`)).status).toBe(404);
      expect((await get('/ctdl/pathways/not-an-id')).status).toBe(404);
      expect((await get(`/ob/achievements/${gid(fundamentals)}`, 'not-a-token')).status).toBe(401);
    });
  });
});
