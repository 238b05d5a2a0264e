import { GraphQLEnumType, GraphQLInputObjectType, GraphQLInputType, GraphQLList, GraphQLNonNull, GraphQLScalarType, getNamedType, isLeafType } from 'graphql';
import { Role } from '../../api/src/modules/accounts/user.entity';
import { buildPathforgeSchema } from '../../api/src/schema/build';
import { startTestApi, TestApi } from '../support/api';
import { makeInstitution, makeUser, tokenFor } from '../support/factories';
import { PathwayStatus } from '../../api/src/modules/pathways/pathway.entity';
import { makePathway } from '../support/factories/pathways';

const NUL = 'before\u0000after';

/** What an error must never show a client: SQL, driver messages, table or constraint names, a stack. */
const INTERNAL_DETAIL = /\b(select|insert|update|delete)\b.+\b(from|into|set|where)\b|relation "|column "|invalid byte sequence|QueryFailedError|\bat .+\.(ts|js):\d+/i;

/**
 * Scalars are checked where the request is read: text with U+0000 and a UUID that is not one are
 * BAD_USER_INPUT for everyone, never a fault inside the database; and no fault shows its SQL or a
 * stack to a client, in any mode.
 */
describe('scalars checked at the edge', () => {
  let api: TestApi;
  let staff: string;

  beforeAll(async () => {
    api = await startTestApi();
    const college = await makeInstitution(api.db);
    await makePathway(api.db, college.id, { title: 'Visible', status: PathwayStatus.PUBLISHED });
    staff = await tokenFor(api, (await makeUser(api.db, Role.INSTITUTION_STAFF, { institutionId: college.id })).email);
  });
  afterAll(() => api.close());

  /** The smallest value of an input type that GraphQL accepts, with `text` in the one String spot chosen by `path`. */
  function valueWith(type: GraphQLInputType, path: string[], text: string): unknown {
    if (type instanceof GraphQLNonNull) return valueWith(type.ofType, path, text);
    if (type instanceof GraphQLList) return [valueWith(type.ofType, path, text)];
    if (type instanceof GraphQLEnumType) return type.getValues()[0].name;
    if (type instanceof GraphQLInputObjectType) {
      const fields = Object.values(type.getFields()).filter((field) => field.type instanceof GraphQLNonNull || field.name === path[0]);
      return Object.fromEntries(fields.map((field) => [field.name, valueWith(field.type, field.name === path[0] ? path.slice(1) : [], text)]));
    }
    const samples: Record<string, unknown> = { ID: 'UGF0aHdheTox', String: 'x', Int: 1, Float: 1, Boolean: true, Date: '2025-01-01', DateTimeISO: '2025-01-01T00:00:00Z', JSONObject: {}, UUID: '6f1c2a4e-93b5-4d0e-8f7a-2b9c1d3e4f50' };
    const name = (type as GraphQLScalarType).name;
    return name === 'String' && path.length === 0 ? text : samples[name];
  }

  /** Every path from an argument to a String leaf, through input objects, two levels deep. */
  function stringPaths(type: GraphQLInputType, depth = 0): string[][] {
    const named = getNamedType(type);
    if (named instanceof GraphQLScalarType) return named.name === 'String' ? [[]] : [];
    if (!(named instanceof GraphQLInputObjectType) || depth > 2) return [];
    return Object.values(named.getFields()).flatMap((field) => stringPaths(field.type, depth + 1).map((rest) => [field.name, ...rest]));
  }

  it('refuses text holding U+0000 in any argument or filter of any query as BAD_USER_INPUT, to every viewer', async () => {
    const schema = await buildPathforgeSchema();
    const outcomes: Record<string, string> = {};
    let tried = 0;
    for (const field of Object.values(schema.getQueryType()!.getFields())) {
      for (const arg of field.args) {
        for (const path of stringPaths(arg.type)) {
          const selection = isLeafType(getNamedType(field.type)) ? '' : '{ __typename }';
          const document = `query($v: ${String(arg.type)}) { ${field.name}(${arg.name}: $v) ${selection} }`;
          // Other required arguments are left out on purpose only when there are none.
          if (field.args.some((other) => other !== arg && other.type instanceof GraphQLNonNull)) continue;
          tried += 1;
          for (const [viewer, token] of [['public', null], ['staff', staff], ['admin', api.adminToken]] as const) {
            const result = await api.gql(document, { v: valueWith(arg.type, path, NUL) }, { token });
            const code = result.errors?.[0]?.extensions?.code ?? 'answered';
            if (code !== 'BAD_USER_INPUT') outcomes[`${viewer} ${field.name}(${[arg.name, ...path].join('.')})`] = `${code}: ${result.errors?.[0]?.message}`;
          }
        }
      }
    }
    expect(tried).toBeGreaterThan(10);
    expect(outcomes).toEqual({});
  });

  it('refuses U+0000 written into the document itself, in a filter the compiled read path runs', async () => {
    const result = await api.gql(`{ pathways(filter: { region: "a\\u0000b" }) { totalCount } }`, {}, { token: null });
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(result.status).toBe(400);
  });

  it('refuses a lineageId that is not a UUID as BAD_USER_INPUT, and finds versions by any spelling of one', async () => {
    for (const lineageId of ['x', '1', "' OR 1=1 --", '6f1c2a4e93b54d0e8f7a2b9c1d3e4f50']) {
      const result = await api.gql(`query($l: UUID) { pathways(filter: { lineageId: $l }) { totalCount } }`, { l: lineageId }, { token: null });
      expect({ lineageId, code: result.errors?.[0]?.extensions?.code }).toEqual({ lineageId, code: 'BAD_USER_INPUT' });
    }
    // Written into the document, it fails validation, as any ill-typed literal does.
    const literal = await api.gql(`{ pathways(filter: { lineageId: "not-a-uuid" }) { totalCount } }`, {}, { token: null });
    expect({ code: literal.errors?.[0]?.extensions?.code, status: literal.status }).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', status: 400 });
    const [{ lineage_id: lineageId }] = await api.db.query(`SELECT lineage_id FROM pathway WHERE title = 'Visible'`);
    const found = await api.gql(`query($l: UUID) { pathways(filter: { lineageId: $l }) { nodes { lineageId } } }`, { l: lineageId.toUpperCase() }, { token: null });
    expect(found.data?.pathways.nodes).toEqual([{ lineageId }]);
  });

  it('shows no SQL text and no stack in a fault, to anyone, outside production too', async () => {
    // A real fault inside the database: the column the compiled read asks for is gone.
    await api.db.query(`ALTER TABLE institution RENAME COLUMN region TO region_gone`);
    try {
      for (const token of [null, staff, api.adminToken]) {
        const result = await api.gql(`{ institutions(first: 5) { nodes { name region } } }`, {}, { token });
        expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
        const text = JSON.stringify(result.errors);
        expect(text).not.toMatch(INTERNAL_DETAIL);
        expect(text).not.toContain('region_gone');
        expect(text).not.toContain('stacktrace');
        expect(result.errors?.[0].message).toBe('Internal error');
      }
    } finally {
      await api.db.query(`ALTER TABLE institution RENAME COLUMN region_gone TO region`);
    }
  });

  it('sends no stack with any refusal, outside production too', async () => {
    const results = [
      await api.gql(`{ pathways(filter: { lineageId: "x" }) { totalCount } }`, {}, { token: null }),
      await api.gql(`query($id: ID!) { agreementImpact(agreementId: $id, change: {}) { asOf } }`, { id: 'garbage' }, { token: null }),
      await api.gql(`{ nothingHere }`, {}, { token: staff }),
    ];
    for (const result of results) {
      expect(result.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(result.errors)).not.toContain('stacktrace');
    }
  });
});
