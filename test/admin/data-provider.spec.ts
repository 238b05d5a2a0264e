import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, GraphQLSchema, isEnumType, isInputObjectType, parse, validate } from 'graphql';
import {
  createDataProvider, cursorBeforePage, GraphQLRequest, MAX_PAGE_SIZE, ResourceDescription, toCreateInput, toFilter, toOrderBy,
  toUpdateInput, toValidationErrors, userErrorsToHttpError,
} from '../../admin/src/dataProvider';
import { RESOURCES } from '../../admin/src/resources';
import { decodeCursor, encodeCursor } from '../../api/src/core/pagination';

const employers = RESOURCES.employers;
const pathways = RESOURCES.pathways;

interface Call {
  query: string;
  variables: Record<string, unknown>;
}

/** A fake API: records each document and answers with what `answer` returns for it. */
function fakeApi(answer: (call: Call) => unknown) {
  const calls: Call[] = [];
  const request: GraphQLRequest = async <T>(query: string, variables: Record<string, unknown>) => {
    const call = { query, variables };
    calls.push(call);
    return answer(call) as T;
  };
  return { calls, provider: createDataProvider(RESOURCES, request) };
}

const connection = (nodes: { id: string }[], totalCount: number, hasNextPage = false) => ({
  totalCount,
  nodes,
  pageInfo: { hasNextPage, endCursor: hasNextPage ? encodeCursor(nodes.length - 1) : null },
});

describe('cursors for react-admin pages', () => {
  it('starts the first page at the beginning and page p after the last item of page p - 1', () => {
    expect(cursorBeforePage(1, 25)).toBeNull();
    expect(decodeCursor(cursorBeforePage(2, 25)!)).toBe(24);
    expect(cursorBeforePage(3, 10)).toBe(encodeCursor(19));
    expect(cursorBeforePage(2, 1)).toBe(encodeCursor(0));
  });
});

describe('sort and filter', () => {
  it('sends sorts the API knows as orderBy and leaves the others to the server', () => {
    expect(toOrderBy(employers, { field: 'name', order: 'DESC' })).toEqual({ field: 'NAME', direction: 'DESC' });
    expect(toOrderBy(RESOURCES.occupations, { field: 'medianAnnualWage', order: 'ASC' })).toEqual({ field: 'MEDIAN_ANNUAL_WAGE', direction: 'ASC' });
    expect(toOrderBy(employers, { field: 'id', order: 'ASC' })).toBeNull();
    expect(toOrderBy(employers, undefined)).toBeNull();
  });

  it('sends the search box as `search`, drops empty values and refuses fields the filter lacks', () => {
    expect(toFilter(employers, { q: 'acme', region: '', naicsCode: null })).toEqual({ search: 'acme' });
    expect(toFilter(employers, { region: 'Ohio' })).toEqual({ region: 'Ohio' });
    expect(() => toFilter(employers, { colour: 'red' })).toThrow(/colour/);
  });
});

describe('userErrors on the form', () => {
  it('puts each message on the field its path names', () => {
    const errors = toValidationErrors(
      [
        { field: ['input', 'name'], message: 'name should not be empty', code: 'REQUIRED' },
        { field: ['input', 'tasks', '2'], message: 'too long', code: 'TOO_LONG' },
        { field: ['input', 'name'], message: 'too short', code: 'INVALID' },
      ],
      'Employer',
    );
    expect(errors).toEqual({ name: 'name should not be empty; too short', 'tasks.2': 'too long' });
  });

  it('sends errors that no input holds to the notification', () => {
    const errors = toValidationErrors(
      [
        { field: ['input', 'id'], message: 'No Employer has that ID', code: 'NOT_FOUND' },
        { field: null, message: 'Other records still refer to this one', code: 'IN_USE' },
      ],
      'Employer',
    );
    expect(errors).toEqual({ root: { serverError: 'No Employer has that ID; Other records still refer to this one' } });
  });

  it('reports a conflict as someone else having changed the record, whatever the fields say', () => {
    const error = userErrorsToHttpError([{ field: ['input', 'expectedRevision'], message: 'Revision 4 is current', code: 'CONFLICT' }], 'Pathway');
    expect(error.status).toBe(409);
    expect(error.message).toBe('Someone else changed this pathway: reload');
    expect(error.body).toEqual({ errors: { root: { serverError: 'Someone else changed this pathway: reload' } } });
  });

  it('names a record of a two-word type in words in the conflict', () => {
    expect(userErrorsToHttpError([{ field: ['input', 'expectedRevision'], message: 'stale', code: 'CONFLICT' }], 'ArticulationAgreement').message)
      .toBe('Someone else changed this articulation agreement: reload');
  });
});

describe('mutation inputs', () => {
  it('creates with the fields the form holds and keeps required text even when emptied', () => {
    expect(toCreateInput(employers, { name: null, region: 'Ohio', naicsCode: undefined, unknown: 'x' })).toEqual({ name: '', region: 'Ohio' });
  });

  it('updates only what changed, clearing with null, and sends the revision of a versioned record', () => {
    const previous = { id: 'E1', name: 'Acme', region: 'Ohio', naicsCode: '5415', createdAt: '2026-01-01' };
    expect(toUpdateInput(employers, 'E1', { ...previous, region: 'Iowa', naicsCode: null }, previous)).toEqual({ id: 'E1', region: 'Iowa', naicsCode: null });
    const pathway = { id: 'P1', title: 'IT Support', revision: 7 };
    expect(toUpdateInput(pathways, 'P1', { ...pathway, title: 'IT Support Technician' }, pathway)).toEqual({ id: 'P1', title: 'IT Support Technician', expectedRevision: 7 });
  });
});

describe('the data provider', () => {
  it('asks for one page of the connection with its cursor, filter and order', async () => {
    const { calls, provider } = fakeApi(() => ({ employers: connection([{ id: 'E3' }], 41) }));
    const result = await provider.getList('employers', { pagination: { page: 3, perPage: 20 }, sort: { field: 'name', order: 'ASC' }, filter: { q: 'acme' } });
    expect(result).toEqual({ data: [{ id: 'E3' }], total: 41 });
    expect(calls[0].variables).toEqual({ first: 20, after: encodeCursor(39), filter: { search: 'acme' }, orderBy: { field: 'NAME', direction: 'ASC' } });
  });

  it('fetches more than the API gives at once in successive pages', async () => {
    let served = 0;
    const { calls, provider } = fakeApi(({ variables }) => {
      const nodes = Array.from({ length: variables.first as number }, (_, index) => ({ id: `E${served + index}` }));
      served += nodes.length;
      return { employers: { totalCount: 1000, nodes, pageInfo: { hasNextPage: true, endCursor: encodeCursor(served - 1) } } };
    });
    const result = await provider.getList('employers', { pagination: { page: 1, perPage: 250 }, sort: { field: 'name', order: 'ASC' }, filter: {} });
    expect(result.data).toHaveLength(250);
    expect(calls.map((call) => [call.variables.first, call.variables.after])).toEqual([
      [MAX_PAGE_SIZE, null],
      [MAX_PAGE_SIZE, encodeCursor(99)],
      [50, encodeCursor(199)],
    ]);
  });

  it('lists references through the filter and reads several records through nodes(ids:)', async () => {
    const { calls, provider } = fakeApi(({ variables }) =>
      'ids' in variables ? { nodes: [{ id: 'E1' }, null] } : { pathways: connection([{ id: 'P1' }], 1) },
    );
    await provider.getManyReference('pathways', { target: 'employerId', id: 'E1', pagination: { page: 1, perPage: 10 }, sort: { field: 'title', order: 'ASC' }, filter: {} });
    expect(calls[0].variables.filter).toEqual({ employerId: 'E1' });
    expect((await provider.getMany('employers', { ids: ['E1', 'E2'] })).data).toEqual([{ id: 'E1' }]);
  });

  it('rejects a save with its userErrors in react-admin server-side validation shape', async () => {
    const { provider } = fakeApi(() => ({
      employerCreate: { employer: null, userErrors: [{ field: ['input', 'name'], message: 'name should not be empty', code: 'REQUIRED' }] },
    }));
    await expect(provider.create('employers', { data: { name: null } })).rejects.toMatchObject({
      status: 400,
      body: { errors: { name: 'name should not be empty' } },
    });
  });

  it('answers a missing record with 404', async () => {
    const { provider } = fakeApi(() => ({ node: null }));
    await expect(provider.getOne('employers', { id: 'gone' })).rejects.toMatchObject({ status: 404 });
  });

  it('sends the revision a learner, credential or agreement was read at with its update and delete', async () => {
    const { calls, provider } = fakeApi(({ query }) => (query.includes('Delete') ? { learnerDelete: { deletedId: 'L1', userErrors: [] } } : { learnerUpdate: { learner: { id: 'L1' }, userErrors: [] } }));
    const learner = { id: 'L1', givenName: 'Ana', familyName: 'Morales', revision: 3 };
    await provider.update('learners', { id: 'L1', data: { ...learner, givenName: 'Ana María' }, previousData: learner });
    await provider.delete('learners', { id: 'L1', previousData: learner });
    expect(calls.map((call) => call.variables.input)).toEqual([{ id: 'L1', givenName: 'Ana María', expectedRevision: 3 }, { id: 'L1', expectedRevision: 3 }]);
    for (const resource of ['learners', 'credentials', 'articulationAgreements']) expect({ resource, versioned: RESOURCES[resource].versioned }).toEqual({ resource, versioned: true });
  });

  it('deletes several versioned records each at the revision it has now', async () => {
    const { calls, provider } = fakeApi(({ query }) =>
      query.includes('nodes(ids:') ? { nodes: [{ id: 'A1', revision: 2 }, { id: 'A2', revision: 5 }] } : { articulationAgreementDelete: { deletedId: 'A?', userErrors: [] } },
    );
    expect(await provider.deleteMany('articulationAgreements', { ids: ['A1', 'A2'] })).toEqual({ data: ['A1', 'A2'] });
    expect(calls.slice(1).map((call) => call.variables.input)).toEqual([{ id: 'A1', expectedRevision: 2 }, { id: 'A2', expectedRevision: 5 }]);
  });
});

describe('every resource against schema.graphql', () => {
  const schema: GraphQLSchema = buildSchema(fs.readFileSync(path.join(__dirname, '../../schema.graphql'), 'utf8'));

  /** Answers any document of the provider with an empty but well-formed result for its root field. */
  function emptyAnswer({ query }: Call): unknown {
    const root = /\)\s*\{\s*(\w+)/.exec(query)?.[1] ?? '';
    if (root === 'nodes') return { nodes: [] };
    if (root === 'node') return { node: { id: 'X1' } };
    if (root.endsWith('Delete')) return { [root]: { deletedId: 'X1', userErrors: [] } };
    const object = root.replace(/(Create|Update)$/, '');
    if (object !== root) return { [root]: { [object]: { id: 'X1' }, userErrors: [] } };
    return { [root]: connection([], 0) };
  }

  /** Runs each data provider method once and returns every document it sent. */
  async function documentsOf(resource: string): Promise<Call[]> {
    const { calls, provider } = fakeApi(emptyAnswer);
    const params = { pagination: { page: 2, perPage: 10 }, sort: { field: 'id', order: 'ASC' as const }, filter: {} };
    await provider.getList(resource, params);
    if (RESOURCES[resource].listOnly) return calls;
    await provider.getOne(resource, { id: 'X1' });
    await provider.getMany(resource, { ids: ['X1'] });
    await provider.create(resource, { data: {} });
    await provider.update(resource, { id: 'X1', data: {}, previousData: { id: 'X1' } });
    await provider.delete(resource, { id: 'X1', previousData: { id: 'X1' } });
    return calls;
  }

  it.each(Object.keys(RESOURCES))('%s: documents are valid', async (resource) => {
    const documents = await documentsOf(resource);
    expect(documents).toHaveLength(RESOURCES[resource].listOnly ? 1 : 6);
    for (const { query } of documents) {
      expect(validate(schema, parse(query)).map((error) => error.message)).toEqual([]);
    }
  });

  it.each(Object.entries(RESOURCES).filter(([, description]) => description.listOnly))('%s: filter fields exist (a list only)', (_, description: ResourceDescription) => {
    const filter = schema.getType(description.filterType ?? `${description.typeName}Filter`);
    if (!isInputObjectType(filter)) throw new Error(`${description.typeName} lacks its filter input in schema.graphql`);
    expect(description.filterFields.filter((field) => !(field in filter.getFields()))).toEqual([]);
  });

  it.each(Object.entries(RESOURCES).filter(([, description]) => !description.listOnly))('%s: filter, order and input fields exist', (_, description: ResourceDescription) => {
    const filter = schema.getType(`${description.typeName}Filter`);
    const order = schema.getType(`${description.typeName}OrderField`);
    const create = schema.getType(`${description.typeName}CreateInput`);
    const update = schema.getType(`${description.typeName}UpdateInput`);
    if (!isInputObjectType(filter) || !isEnumType(order) || !isInputObjectType(create) || !isInputObjectType(update)) {
      throw new Error(`${description.typeName} lacks a filter, order enum or mutation inputs in schema.graphql`);
    }
    expect(description.filterFields.filter((field) => !(field in filter.getFields()))).toEqual([]);
    expect(Object.values(description.orderFields).filter((value) => !order.getValue(value))).toEqual([]);
    const accepted = { ...create.getFields(), ...update.getFields() };
    expect(description.inputFields.filter((field) => !(field in accepted))).toEqual([]);
  });
});
