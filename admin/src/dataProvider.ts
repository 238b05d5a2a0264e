import {
  CreateParams, CreateResult, DataProvider, DeleteManyParams, DeleteManyResult, DeleteParams, DeleteResult, GetListParams, GetListResult,
  GetManyParams, GetManyReferenceParams, GetManyReferenceResult, GetManyResult, GetOneParams, GetOneResult, HttpError, Identifier, RaRecord,
  UpdateManyParams, UpdateManyResult, UpdateParams, UpdateResult,
} from 'ra-core';

/**
 * What the data provider needs to know of one resource to speak Pathforge's GraphQL API.
 * Everything else (query names, input type names, payload shapes) follows the API's conventions.
 */
export interface ResourceDescription {
  /** The GraphQL object type, e.g. "Employer": it names the mutations and input types. */
  typeName: string;
  /** The Relay connection query, e.g. "employers". */
  listQuery: string;
  /** Fields of the list's filter input the console may send; react-admin's `q` is sent as `search`. */
  filterFields: readonly string[];
  /** react-admin sort field → value of the type's order-field enum; other sorts keep the server's order. */
  orderFields: Readonly<Record<string, string>>;
  listSelection: string;
  showSelection: string;
  /** Fields the create and update inputs accept. */
  inputFields: readonly string[];
  /**
   * Text fields the create input requires. react-admin turns an emptied input into null, which a
   * non-null input field cannot carry; sending an empty string lets the server name the field.
   */
  requiredOnCreate?: readonly string[];
  /** The list's filter input type when it is not `<typeName>Filter`, e.g. the audit log's `AuditLogFilter`. */
  filterType?: string;
  /** A list only, such as the audit log: its entries are no nodes and take no mutations. */
  listOnly?: boolean;
  /** False for a list that takes no `orderBy` (it keeps the server's order). */
  orderable?: boolean;
  /** Updates and deletes carry the revision they were based on, so a concurrent edit is refused with CONFLICT. */
  versioned?: boolean;
}

export interface UserError {
  field: string[] | null;
  message: string;
  code: string;
}

/** Posts one GraphQL document and resolves with its `data`; top-level errors reject with an HttpError. */
export type GraphQLRequest = <T>(query: string, variables: Record<string, unknown>) => Promise<T>;

/** The largest `first` the API accepts. */
export const MAX_PAGE_SIZE = 100;

const base64Url = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** The API's cursor of the item at a 0-based position. */
const cursorAt = (position: number) => base64Url(`cursor:${position}`);

/** The `after` argument for a react-admin page (1-based): the cursor of the item before it, none for the first. */
export function cursorBeforePage(page: number, perPage: number): string | null {
  const position = (page - 1) * perPage - 1;
  return position < 0 ? null : cursorAt(position);
}

export interface OrderBy {
  field: string;
  direction: 'ASC' | 'DESC';
}

/** react-admin's sort as the list's `orderBy`, or null when the API cannot sort by that field. */
export function toOrderBy(description: ResourceDescription, sort: { field: string; order: string } | undefined): OrderBy | null {
  const field = sort && description.orderFields[sort.field];
  if (!sort || !field) return null;
  return { field, direction: sort.order === 'DESC' ? 'DESC' : 'ASC' };
}

/** react-admin's filter values as the list's filter input: only fields the input has, empty ones left out. */
export function toFilter(description: ResourceDescription, values: Record<string, unknown> = {}): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const field = key === 'q' ? 'search' : key;
    if (value === undefined || value === null || value === '') continue;
    if (!description.filterFields.includes(field)) throw new Error(`${description.typeName} lists cannot be filtered by ${key}`);
    filter[field] = value;
  }
  return filter;
}

export const CONFLICT = 'CONFLICT';

export const conflictMessage = (typeName: string) => `Someone else changed this ${typeName.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}: reload`;

/** Form errors in react-admin's server-side validation shape: a message per field path, the rest at `root`. */
export interface ValidationErrors {
  [field: string]: string | { serverError: string };
}

/**
 * userErrors as form errors. A path such as ["input", "tasks", "2"] names the form field
 * "tasks.2"; errors on no field, on the whole input or on its `id` have no input to sit on and go
 * to `root.serverError`, which react-admin shows as the notification.
 */
export function toValidationErrors(userErrors: readonly UserError[], typeName: string): ValidationErrors {
  if (userErrors.some((error) => error.code === CONFLICT)) return { root: { serverError: conflictMessage(typeName) } };
  const errors: ValidationErrors = {};
  const general: string[] = [];
  for (const error of userErrors) {
    const path = error.field?.[0] === 'input' ? error.field.slice(1) : error.field;
    const field = path?.join('.');
    if (!field || field === 'id') {
      general.push(error.message);
      continue;
    }
    const previous = errors[field];
    errors[field] = typeof previous === 'string' ? `${previous}; ${error.message}` : error.message;
  }
  if (general.length) errors.root = { serverError: general.join('; ') };
  return errors;
}

export function userErrorsToHttpError(userErrors: readonly UserError[], typeName: string): HttpError {
  const errors = toValidationErrors(userErrors, typeName);
  const isConflict = userErrors.some((error) => error.code === CONFLICT);
  const message = isConflict ? conflictMessage(typeName) : userErrors.map((error) => error.message).join('; ');
  return new HttpError(message, isConflict ? 409 : 400, { errors });
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The create input: the fields the form holds, required text kept even when emptied. */
export function toCreateInput(description: ResourceDescription, data: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of description.inputFields) {
    const value = data[field];
    if (value !== undefined && value !== null) input[field] = value;
    else if (description.requiredOnCreate?.includes(field)) input[field] = '';
  }
  return input;
}

/** The update input: only what changed, so one person's save never rewrites fields they did not touch. */
export function toUpdateInput(description: ResourceDescription, id: Identifier, data: Record<string, unknown>, previous: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = { id };
  for (const field of description.inputFields) {
    if (field in data && !sameValue(data[field], previous[field])) input[field] = data[field] ?? null;
  }
  if (description.versioned) input.expectedRevision = previous.revision;
  return input;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

type Verb = 'Create' | 'Update' | 'Delete';

interface Connection {
  totalCount: number;
  nodes: RaRecord[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** A react-admin data provider over Pathforge's connections, node queries and mutation payloads. */
export function createDataProvider(resources: Readonly<Record<string, ResourceDescription>>, request: GraphQLRequest): DataProvider {
  const describe = (resource: string) => {
    const description = resources[resource];
    if (!description) throw new Error(`The console has no resource "${resource}"`);
    return description;
  };

  async function mutate(description: ResourceDescription, verb: Verb, input: Record<string, unknown>): Promise<Record<string, unknown>> {
    const objectField = lowerFirst(description.typeName);
    const name = `${objectField}${verb}`;
    const inputType = `${description.typeName}${verb}Input`;
    const result = verb === 'Delete' ? 'deletedId' : `${objectField} { ${description.showSelection} }`;
    const data = await request<Record<string, Record<string, unknown> & { userErrors: UserError[] }>>(
      `mutation ${name}($input: ${inputType}!) { ${name}(input: $input) { ${result} userErrors { field message code } } }`,
      { input },
    );
    const payload = data[name];
    if (payload.userErrors.length) throw userErrorsToHttpError(payload.userErrors, description.typeName);
    return verb === 'Delete' ? payload : (payload[objectField] as Record<string, unknown>);
  }

  async function getNodes(description: ResourceDescription, ids: Identifier[]): Promise<RaRecord[]> {
    const data = await request<{ nodes: (RaRecord | null)[] }>(
      `query ${description.typeName}Many($ids: [ID!]!) { nodes(ids: $ids) { id ... on ${description.typeName} { ${description.listSelection} } } }`,
      { ids },
    );
    return data.nodes.filter((node): node is RaRecord => node !== null);
  }

  // The API's JSON becomes the record type each react-admin hook asks for: the casts below are where
  // that happens, once per method.
  const provider: DataProvider = {
    async getList<RecordType extends RaRecord>(resource: string, params: GetListParams): Promise<GetListResult<RecordType>> {
      const description = describe(resource);
      const { page = 1, perPage = 25 } = params.pagination ?? {};
      const filter = toFilter(description, params.filter);
      const orderBy = toOrderBy(description, params.sort);
      const orderable = description.orderable !== false;
      const query = `query ${description.typeName}List($first: Int, $after: String, $filter: ${description.filterType ?? `${description.typeName}Filter`}${orderable ? `, $orderBy: ${description.typeName}Order` : ''}) {
        ${description.listQuery}(first: $first, after: $after, filter: $filter${orderable ? ', orderBy: $orderBy' : ''}) {
          totalCount nodes { ${description.listSelection} } pageInfo { hasNextPage endCursor }
        }
      }`;
      // react-admin may ask for more than the API's page size (exports do): fetch it in pages.
      const records: RaRecord[] = [];
      let after = cursorBeforePage(page, perPage);
      let total = 0;
      while (records.length < perPage) {
        const first = Math.min(MAX_PAGE_SIZE, perPage - records.length);
        const data = await request<Record<string, Connection>>(query, orderable ? { first, after, filter, orderBy } : { first, after, filter });
        const connection = data[description.listQuery];
        records.push(...connection.nodes);
        total = connection.totalCount;
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      return { data: records as RecordType[], total };
    },

    async getOne<RecordType extends RaRecord>(resource: string, params: GetOneParams<RecordType>): Promise<GetOneResult<RecordType>> {
      const description = describe(resource);
      const data = await request<{ node: RaRecord | null }>(
        `query ${description.typeName}One($id: ID!) { node(id: $id) { id ... on ${description.typeName} { ${description.showSelection} } } }`,
        { id: params.id },
      );
      if (!data.node) throw new HttpError(`No ${description.typeName.toLowerCase()} has that ID`, 404);
      return { data: data.node as RecordType };
    },

    async getMany<RecordType extends RaRecord>(resource: string, params: GetManyParams<RecordType>): Promise<GetManyResult<RecordType>> {
      return { data: (await getNodes(describe(resource), params.ids)) as RecordType[] };
    },

    async getManyReference<RecordType extends RaRecord>(resource: string, params: GetManyReferenceParams): Promise<GetManyReferenceResult<RecordType>> {
      return provider.getList<RecordType>(resource, { ...params, filter: { ...params.filter, [params.target]: params.id } });
    },

    async create<RecordType extends Omit<RaRecord, 'id'>, ResultRecordType extends RaRecord = RecordType & { id: Identifier }>(
      resource: string,
      params: CreateParams,
    ): Promise<CreateResult<ResultRecordType>> {
      const description = describe(resource);
      return { data: (await mutate(description, 'Create', toCreateInput(description, params.data))) as ResultRecordType };
    },

    async update<RecordType extends RaRecord>(resource: string, params: UpdateParams): Promise<UpdateResult<RecordType>> {
      const description = describe(resource);
      const input = toUpdateInput(description, params.id, params.data, params.previousData);
      return { data: (await mutate(description, 'Update', input)) as RecordType };
    },

    async updateMany(resource: string, params: UpdateManyParams): Promise<UpdateManyResult> {
      const description = describe(resource);
      const updated: Identifier[] = [];
      for (const previous of await getNodes(description, params.ids)) {
        await mutate(description, 'Update', toUpdateInput(description, previous.id, params.data, previous));
        updated.push(previous.id);
      }
      return { data: updated };
    },

    async delete<RecordType extends RaRecord>(resource: string, params: DeleteParams<RecordType>): Promise<DeleteResult<RecordType>> {
      const description = describe(resource);
      await mutate(description, 'Delete', description.versioned ? { id: params.id, expectedRevision: params.previousData?.revision } : { id: params.id });
      return { data: params.previousData as RecordType };
    },

    async deleteMany(resource: string, params: DeleteManyParams): Promise<DeleteManyResult> {
      const description = describe(resource);
      if (!description.versioned) {
        for (const id of params.ids) await mutate(description, 'Delete', { id });
        return { data: params.ids };
      }
      // A bulk delete from a list page is based on the records as they are now.
      const deleted: Identifier[] = [];
      for (const previous of await getNodes(description, params.ids)) {
        await mutate(description, 'Delete', { id: previous.id, expectedRevision: previous.revision });
        deleted.push(previous.id);
      }
      return { data: deleted };
    },
  };
  return provider;
}
