import { DataProvider, HttpError, RaRecord } from 'react-admin';
import { gql } from './graphql';
import { ResourceDescription, RESOURCES } from './resources';

interface UserError {
  field: string[] | null;
  message: string;
  code: string;
}

/** Our cursors name a position: the cursor of the item at index i is base64url("cursor:" + i). */
export function cursorBefore(page: number, perPage: number): string | null {
  const index = (page - 1) * perPage - 1;
  if (index < 0) return null;
  return btoa(`cursor:${index}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** react-admin's sort field (camelCase) as our order enum (UPPER_SNAKE). */
export function orderBy(field: string, order: string): { field: string; direction: 'ASC' | 'DESC' } {
  return { field: field.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase(), direction: order === 'DESC' ? 'DESC' : 'ASC' };
}

export const CONFLICT_MESSAGE = 'Someone else changed this pathway: reload';

/** userErrors to react-admin's server-side validation shape: a message per form field. */
export function toHttpError(userErrors: UserError[]): HttpError {
  const conflict = userErrors.find((error) => error.code === 'CONFLICT');
  if (conflict) return new HttpError(CONFLICT_MESSAGE, 409, { errors: { root: { serverError: CONFLICT_MESSAGE } } });
  const errors: Record<string, string> = {};
  for (const error of userErrors) {
    const field = error.field?.[error.field.length - 1];
    if (field && field !== 'input') errors[field] = error.message;
  }
  const summary = userErrors.map((error) => error.message).join('; ');
  return new HttpError(summary, 400, { errors: { ...errors, root: { serverError: summary } } });
}

function describe(resource: string): ResourceDescription {
  const description = RESOURCES[resource];
  if (!description) throw new Error(`Unknown resource ${resource}`);
  return description;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Only fields the input type accepts, changed ones for updates; references stay global IDs. */
function inputFrom(description: ResourceDescription, data: Record<string, unknown>, previous?: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of description.inputFields) {
    if (!(field in data)) continue;
    if (previous && JSON.stringify(previous[field]) === JSON.stringify(data[field])) continue;
    input[field] = data[field] === '' ? null : data[field];
  }
  return input;
}

async function mutate(description: ResourceDescription, verb: 'Create' | 'Update' | 'Delete', input: Record<string, unknown>) {
  const name = `${lowerFirst(description.type)}${verb}`;
  const selection = verb === 'Delete' ? 'deletedId' : `${lowerFirst(description.type)} { ${description.fields} }`;
  const inputType = verb === 'Delete' ? 'DeleteInput' : `${description.type}${verb}Input`;
  const result = await gql<Record<string, { userErrors: UserError[] } & Record<string, unknown>>>(
    `mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} userErrors { field message code } } }`,
    { input },
  );
  const payload = result[name];
  if (payload.userErrors.length) throw toHttpError(payload.userErrors);
  return payload;
}

/** A data provider written for Pathforge's GraphQL API: Relay connections, payloads and userErrors. */
export const dataProvider: DataProvider = {
  async getList(resource, params) {
    const description = describe(resource);
    const { page = 1, perPage = 25 } = params.pagination ?? {};
    const { q, ...rest } = params.filter ?? {};
    const filter = { ...rest, ...(q ? { search: q } : {}) };
    const sort = params.sort && params.sort.field !== 'id' ? orderBy(params.sort.field, params.sort.order) : null;
    const data = await gql<Record<string, { totalCount: number; nodes: RaRecord[] }>>(
      `query($first: Int, $after: String, $filter: ${description.type}Filter, $orderBy: ${description.type}Order) {
        ${description.list}(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { totalCount nodes { ${description.fields} } }
      }`,
      { first: perPage, after: cursorBefore(page, perPage), filter, orderBy: sort },
    );
    const connection = data[description.list];
    return { data: connection.nodes as never[], total: connection.totalCount };
  },

  async getOne(resource, params) {
    const description = describe(resource);
    const data = await gql<{ node: RaRecord | null }>(`query($id: ID!) { node(id: $id) { id ... on ${description.type} { ${description.fields} } } }`, { id: params.id });
    if (!data.node) throw new HttpError('Not found', 404);
    return { data: data.node as never };
  },

  async getMany(resource, params) {
    const description = describe(resource);
    const data = await gql<{ nodes: (RaRecord | null)[] }>(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on ${description.type} { ${description.fields} } } }`, { ids: params.ids });
    return { data: data.nodes.filter((node): node is RaRecord => node !== null) as never[] };
  },

  async getManyReference(resource, params) {
    return dataProvider.getList(resource, { ...params, filter: { ...params.filter, [params.target]: params.id } });
  },

  async create(resource, params) {
    const description = describe(resource);
    const payload = await mutate(description, 'Create', inputFrom(description, params.data));
    return { data: payload[lowerFirst(description.type)] as never };
  },

  async update(resource, params) {
    const description = describe(resource);
    const input: Record<string, unknown> = { id: params.id, ...inputFrom(description, params.data, params.previousData) };
    if (description.versioned) input.expectedRevision = params.previousData.revision;
    const payload = await mutate(description, 'Update', input);
    return { data: payload[lowerFirst(description.type)] as never };
  },

  async updateMany(resource, params) {
    const ids = [];
    for (const id of params.ids) ids.push((await dataProvider.update(resource, { id, data: params.data, previousData: { id } })).data.id);
    return { data: ids };
  },

  async delete(resource, params) {
    await mutate(describe(resource), 'Delete', { id: params.id });
    return { data: params.previousData as never };
  },

  async deleteMany(resource, params) {
    for (const id of params.ids) await mutate(describe(resource), 'Delete', { id });
    return { data: params.ids };
  },
};
