import { startTestApi, TestApi } from '../support/api';
import { gid, linkCore, makeCompetency, makeFramework, makeOccupation } from '../support/factories';

const CREATE = `mutation($input: OccupationCreateInput!) {
  occupationCreate(input: $input) { occupation { id socCode onetSocCode title medianAnnualWage wageYear jobZone tasks } userErrors { field code } }
}`;

describe('occupations', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('creates an occupation with wage and tasks, and updates it', async () => {
    const input = {
      socCode: '15-1232', onetSocCode: '15-1232.00', title: 'Computer User Support Specialists',
      medianAnnualWage: 59660, wageSource: 'BLS OEWS', wageYear: 2023, jobZone: 3, tasks: ['Answer user inquiries'],
    };
    const created = await api.gql(CREATE, { input });
    expect(created.data?.occupationCreate.userErrors).toEqual([]);
    expect(created.data?.occupationCreate.occupation).toMatchObject({ socCode: '15-1232', medianAnnualWage: 59660, tasks: ['Answer user inquiries'] });
    const id = created.data?.occupationCreate.occupation.id;
    const updated = await api.gql(
      `mutation($input: OccupationUpdateInput!) { occupationUpdate(input: $input) { occupation { medianAnnualWage tasks } userErrors { code } } }`,
      { input: { id, medianAnnualWage: 60810.5, tasks: ['A', 'B'] } },
    );
    expect(updated.data?.occupationUpdate).toEqual({ occupation: { medianAnnualWage: 60810.5, tasks: ['A', 'B'] }, userErrors: [] });
  });

  it('validates SOC codes, wages and job zones, and refuses duplicates', async () => {
    const bad = await api.gql(CREATE, { input: { socCode: '151232', onetSocCode: '15-1232', title: 'X', medianAnnualWage: -1, jobZone: 6 } });
    expect(bad.data?.occupationCreate.userErrors.map((e: { field: string[]; code: string }) => `${e.field[1]}:${e.code}`).sort()).toEqual([
      'jobZone:OUT_OF_RANGE', 'medianAnnualWage:OUT_OF_RANGE', 'onetSocCode:INVALID', 'socCode:INVALID',
    ]);
    await api.gql(CREATE, { input: { socCode: '29-2052', title: 'Pharmacy Technicians' } });
    const dup = await api.gql(CREATE, { input: { socCode: '29-2052', title: 'Again' } });
    expect(dup.data?.occupationCreate.userErrors).toEqual([{ field: ['input', 'socCode'], code: 'TAKEN' }]);
  });

  it('filters by SOC prefix and competency, and lists core competencies', async () => {
    const occupation = await makeOccupation(api.db, { socCode: '51-4041', title: 'Machinists' });
    await makeOccupation(api.db, { socCode: '51-9161', title: 'CNC Tool Operators' });
    const framework = await makeFramework(api.db);
    const core = await makeCompetency(api.db, framework.id, { code: 'M-1', statement: 'Read blueprints' });
    const extra = await makeCompetency(api.db, framework.id, { code: 'M-2', statement: 'Order stock' });
    await linkCore(api.db, occupation.id, core.id, true);
    await linkCore(api.db, occupation.id, extra.id, false);

    const bySoc = await api.gql(`{ occupations(filter: { socCode: "51-" }, orderBy: { field: SOC_CODE }) { totalCount nodes { socCode } } }`);
    expect(bySoc.data?.occupations).toEqual({ totalCount: 2, nodes: [{ socCode: '51-4041' }, { socCode: '51-9161' }] });

    const byCompetency = await api.gql(`query($c: ID!) { occupations(filter: { competencyId: $c }) { nodes { id } } }`, { c: gid(extra) });
    expect(byCompetency.data?.occupations.nodes).toEqual([{ id: gid(occupation) }]);

    const detail = await api.gql(
      `query($id: ID!) { occupation(id: $id) { coreCompetencies { code } competencies { isCore competency { code } } } }`,
      { id: gid(occupation) },
    );
    expect(detail.data?.occupation.coreCompetencies).toEqual([{ code: 'M-1' }]);
    expect(detail.data?.occupation.competencies).toEqual([
      { isCore: true, competency: { code: 'M-1' } },
      { isCore: false, competency: { code: 'M-2' } },
    ]);

    const badFilter = await api.gql(`{ occupations(filter: { competencyId: "nope" }) { totalCount } }`);
    expect(badFilter.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('links competencies to occupations and refuses duplicate links', async () => {
    const occupation = await makeOccupation(api.db);
    const framework = await makeFramework(api.db);
    const competency = await makeCompetency(api.db, framework.id);
    const LINK = `mutation($input: OccupationCompetencyCreateInput!) { occupationCompetencyCreate(input: $input) { occupationCompetency { isCore occupation { id } } userErrors { field code } } }`;
    const linked = await api.gql(LINK, { input: { occupationId: gid(occupation), competencyId: gid(competency) } });
    expect(linked.data?.occupationCompetencyCreate).toEqual({ occupationCompetency: { isCore: true, occupation: { id: gid(occupation) } }, userErrors: [] });
    const again = await api.gql(LINK, { input: { occupationId: gid(occupation), competencyId: gid(competency) } });
    expect(again.data?.occupationCompetencyCreate.userErrors).toEqual([{ field: ['input', 'competencyId'], code: 'TAKEN' }]);
    const wrongType = await api.gql(LINK, { input: { occupationId: gid(competency), competencyId: gid(competency) } });
    expect(wrongType.data?.occupationCompetencyCreate.userErrors).toEqual([{ field: ['input', 'occupationId'], code: 'INVALID_ID' }]);
    const missing = await api.gql(LINK, { input: { occupationId: Buffer.from('Occupation:987654').toString('base64url'), competencyId: gid(competency) } });
    expect(missing.data?.occupationCompetencyCreate.userErrors).toEqual([{ field: ['input', 'occupationId'], code: 'NOT_FOUND' }]);
  });
});
