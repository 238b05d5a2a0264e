import { startTestApi, TestApi } from '../support/api';

const CREATE = `mutation($input: EmployerCreateInput!) {
  employerCreate(input: $input) { employer { id name naicsCode region } userErrors { field message code } }
}`;
const UPDATE = `mutation($input: EmployerUpdateInput!) {
  employerUpdate(input: $input) { employer { id name region } userErrors { field code } }
}`;
const DELETE = `mutation($id: ID!) { employerDelete(input: { id: $id }) { deletedId userErrors { field code } } }`;
const LIST = `query($first: Int, $after: String, $filter: EmployerFilter, $orderBy: EmployerOrder) {
  employers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor }
  }
}`;

describe('employers', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('creates, reads through node, updates and deletes', async () => {
    const created = await api.gql(CREATE, { input: { name: 'Acme Health', naicsCode: '622110', region: 'Ohio' } });
    expect(created.data?.employerCreate.userErrors).toEqual([]);
    const id = created.data?.employerCreate.employer.id;
    expect(created.data?.employerCreate.employer).toMatchObject({ name: 'Acme Health', naicsCode: '622110' });

    const read = await api.gql(`query($id: ID!) { node(id: $id) { id ... on Employer { name region } } }`, { id });
    expect(read.data?.node).toEqual({ id, name: 'Acme Health', region: 'Ohio' });

    const updated = await api.gql(UPDATE, { input: { id, region: 'Kentucky' } });
    expect(updated.data?.employerUpdate).toEqual({ employer: { id, name: 'Acme Health', region: 'Kentucky' }, userErrors: [] });

    const deleted = await api.gql(DELETE, { id });
    expect(deleted.data?.employerDelete).toEqual({ deletedId: id, userErrors: [] });
    expect((await api.gql(`query($id: ID!) { employer(id: $id) { id } }`, { id })).data?.employer).toBeNull();
  });

  it('turns bad input into userErrors on the field, writing nothing', async () => {
    const before = await api.db.query('SELECT count(*)::int AS n FROM employer');
    const empty = await api.gql(CREATE, { input: { name: '' } });
    expect(empty.status).toBe(200);
    expect(empty.data?.employerCreate.employer).toBeNull();
    expect(empty.data?.employerCreate.userErrors).toEqual([expect.objectContaining({ field: ['input', 'name'], code: 'REQUIRED' })]);

    const several = await api.gql(CREATE, { input: { name: 'x'.repeat(201), naicsCode: '12a', websiteUrl: 'not a url' } });
    const fields = several.data?.employerCreate.userErrors.map((e: { field: string[] }) => e.field.join('.')).sort();
    expect(fields).toEqual(['input.naicsCode', 'input.name', 'input.websiteUrl']);
    expect(await api.db.query('SELECT count(*)::int AS n FROM employer')).toEqual(before);
  });

  it('refuses a duplicate name with TAKEN on name', async () => {
    await api.gql(CREATE, { input: { name: 'Duplicate Co' } });
    const again = await api.gql(CREATE, { input: { name: 'Duplicate Co' } });
    expect(again.data?.employerCreate.userErrors).toEqual([expect.objectContaining({ field: ['input', 'name'], code: 'TAKEN' })]);
  });

  it('reports unknown and wrong-type IDs on update and delete', async () => {
    const missing = await api.gql(UPDATE, { input: { id: Buffer.from('Employer:999999').toString('base64url'), name: 'X' } });
    expect(missing.data?.employerUpdate.userErrors).toEqual([{ field: ['input', 'id'], code: 'NOT_FOUND' }]);
    const wrongType = await api.gql(DELETE, { id: Buffer.from('Occupation:1').toString('base64url') });
    expect(wrongType.data?.employerDelete.userErrors).toEqual([{ field: ['input', 'id'], code: 'INVALID_ID' }]);
    const garbage = await api.gql(DELETE, { id: '%%%' });
    expect(garbage.data?.employerDelete.userErrors).toEqual([{ field: ['input', 'id'], code: 'INVALID_ID' }]);
  });

  it('pages through a filtered, ordered list with cursors and a total', async () => {
    for (const name of ['Page A', 'Page B', 'Page C', 'Page D', 'Page E']) {
      await api.gql(CREATE, { input: { name, region: 'Paging' } });
    }
    const first = await api.gql(LIST, { first: 2, filter: { region: 'Paging' }, orderBy: { field: 'NAME', direction: 'DESC' } });
    const page1 = first.data?.employers;
    expect(page1.totalCount).toBe(5);
    expect(page1.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['Page E', 'Page D']);
    expect(page1.pageInfo.hasNextPage).toBe(true);

    const second = await api.gql(LIST, { first: 2, after: page1.pageInfo.endCursor, filter: { region: 'Paging' }, orderBy: { field: 'NAME', direction: 'DESC' } });
    expect(second.data?.employers.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['Page C', 'Page B']);

    const search = await api.gql(LIST, { filter: { search: 'page c' } });
    expect(search.data?.employers.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['Page C']);

    const tooMany = await api.gql(LIST, { first: 101 });
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
