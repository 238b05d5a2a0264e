import fc from 'fast-check';
import {
  getNamedType,
  GraphQLArgument,
  GraphQLEnumType,
  GraphQLField,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  isObjectType,
} from 'graphql';
import { DataSource } from 'typeorm';
import { toGlobalId } from '../../api/src/core/ids';
import { issueToken } from '../../api/src/modules/accounts/auth.service';
import { Role, User } from '../../api/src/modules/accounts/user.entity';
import { buildPathforgeSchema } from '../../api/src/schema/build';
import { seedDemoData } from '../../api/src/seed/demo';
import { RunningServer, startServer } from '../../api/src/server';
import { createTestDatabase, TestDatabase } from '../support/db';
import { withCurrentRevision } from '../support/revisions';

/**
 * Random and hostile input to every mutation of the schema, on the demo data. For every request:
 * no HTTP 500 and no INTERNAL_SERVER_ERROR; every error carries a code; and a refused request
 * (a userError, or a top-level error instead of a payload) leaves every table as it was.
 */
const RUNS_PER_MUTATION = Number(process.env.FUZZ_RUNS ?? 6);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

/** What a user error must not show: SQL, constraint and table names, driver messages. */
const INTERNAL_DETAIL = /\b(ck|fk|pk|uq|ix|idx|rel)_\w+|\b(select|insert|update|delete)\s.+\b(from|into|set|where)\b|violates|relation "|column "|duplicate key|syntax error|QueryFailedError/i;

/** Infinity and NaN have no JSON spelling; these markers become the raw text a hostile client would send. */
const POSITIVE_OVERFLOW = '\u0000+overflow';
const NEGATIVE_OVERFLOW = '\u0000-overflow';
function encodeBody(query: string, variables: unknown): string {
  return JSON.stringify({ query, variables }, (_key, value) => {
    if (typeof value !== 'number' || Number.isFinite(value)) return value;
    return Number.isNaN(value) ? 'NaN' : value > 0 ? POSITIVE_OVERFLOW : NEGATIVE_OVERFLOW;
  })
    .replaceAll(JSON.stringify(POSITIVE_OVERFLOW), '1e999')
    .replaceAll(JSON.stringify(NEGATIVE_OVERFLOW), '-1e999');
}

const hostileStrings = fc.constantFrom(
  'x'.repeat(100_000),
  "'; DROP TABLE employer; --",
  '" OR 1=1 --',
  "1'); SELECT pg_sleep(5); --",
  '$1::text',
  '%_\\',
  '\u202Eevil\u202C',
  'مرحبا بالعالم',
  '👩🏽‍💻🚀🏳️‍🌈',
  'null\u0000byte',
  '\u0000',
  'lone \uD800 surrogate',
  '',
  '   ',
  '\n\t\r',
  '<script>alert(1)</script>',
  '{"$ne": null}',
);
const text = fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 40 }) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) }, { weight: 3, arbitrary: hostileStrings });

/**
 * Each scalar in two flavours: `typed` values pass GraphQL's own coercion and carry hostile
 * content to the services (out-of-range numbers, impossible dates, other types' IDs); `untyped`
 * ones are what coercion must refuse (NaN, Infinity, Int overflow, malformed dates).
 */
const typedInt = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -2, max: 6 }) }, { weight: 2, arbitrary: fc.integer() }, { weight: 1, arbitrary: fc.constantFrom(2147483647, -2147483648) });
const untypedInt = fc.constantFrom(2147483648, Number.MAX_SAFE_INTEGER, 1e20, 1.5, NaN, Infinity);
const typedFloat = fc.oneof(
  { weight: 3, arbitrary: fc.double({ min: -5, max: 200, noNaN: true }) },
  { weight: 2, arbitrary: fc.constantFrom(-1, -0.01, 0, 1e308, -1e308, 5e-324, 123456789012.345, 0.005, 1e15) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
);
const untypedFloat = fc.constantFrom(NaN, Infinity, -Infinity);
const typedDate = fc.oneof(
  { weight: 3, arbitrary: fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
  { weight: 1, arbitrary: fc.constantFrom('1900-01-01', '2999-12-31', '2024-02-29', '1969-12-31') },
);
const untypedDate = fc.constantFrom('0000-01-01', '9999-12-31', '10000-01-01', '-0001-01-01', '2025-02-30', '2025-13-01', '2025-1-1', 'today', '2025-01-01T00:00:00Z');
const typedDateTime = fc.oneof(
  fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z'),
);
const untypedDateTime = fc.constantFrom('+275760-09-13T00:00:00.000Z', '2025-02-30T00:00:00Z', 'yesterday');

describe('fuzzing every mutation', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let tokens: string[];
  const idsByType = new Map<string, string[]>();
  let checksumSql: string;
  const outcomes = new Map<string, number>();

  const checksum = async (db: DataSource): Promise<Record<string, string>> => (await db.query(checksumSql))[0].tables;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoData(database.db);
    server = await startServer(database.db, 0, { countSqlStatements: false, rateLimits: { pointsPerViewer: 0, pointsPerAddress: 0 } });
    const users = await database.db.getRepository(User).find({ order: { id: 'ASC' } });
    const byRole = (role: Role) => users.find((user) => user.role === role)!;
    const admin = (await issueToken(byRole(Role.ADMIN))).token;
    // Mostly the admin, whose requests reach the deepest code; the others meet the access rules.
    tokens = [admin, admin, admin, (await issueToken(byRole(Role.INSTITUTION_STAFF))).token, (await issueToken(byRole(Role.EMPLOYER_PARTNER))).token, ''];

    const tables: string[] = (
      await database.db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY 1`)
    ).map((row: { table_name: string }) => row.table_name);
    // Order-independent and cheap: row count and the sum of a 64-bit hash of every row's text.
    checksumSql = `SELECT json_build_object(${tables
      .map((table) => `'${table}', (SELECT count(*) || ':' || coalesce(sum(hashtextextended(t::text, 0)), 0) FROM "${table}" t)`)
      .join(', ')}) AS tables`;

    // Real IDs of every type, so that inputs reach the services, and so that each field also gets other types' IDs.
    for (const metadata of database.db.entityMetadatas.filter((entity) => entity.primaryColumns.some((column) => column.propertyName === 'id'))) {
      const rows: { id: number }[] = await database.db.query(`SELECT id FROM "${metadata.tableName}" ORDER BY id LIMIT 6`);
      if (rows.length > 0) idsByType.set(metadata.targetName, rows.map((row) => toGlobalId(metadata.targetName, row.id)));
    }
  }, 120_000);
  afterAll(async () => {
    console.log(`Fuzz outcomes (${RUNS_PER_MUTATION} runs per mutation, seed ${SEED}): ${[...outcomes].sort((x, y) => y[1] - x[1]).map(([code, n]) => `${code} ${n}`).join(', ')}`);
    await server?.stop();
    await database?.drop();
  });

  /**
   * The type an ID field most likely names: `issuerInstitutionId` an Institution, `id` or
   * `prerequisiteIds` the mutation's own type. Such IDs get the services past their lookups;
   * every ID field also gets other types' IDs and malformed ones.
   */
  function likelyType(fieldName: string, mutationName: string): string | undefined {
    const types = [...idsByType.keys()].sort((x, y) => y.length - x.length);
    const stem = fieldName.replace(/Ids?$/, '').toLowerCase();
    return types.find((type) => stem.endsWith(type.toLowerCase())) ?? types.find((type) => mutationName.toLowerCase().startsWith(type.toLowerCase()));
  }

  function idArbitrary(fieldName: string, mutationName: string): fc.Arbitrary<unknown> {
    const type = likelyType(fieldName, mutationName);
    const anyType = [...idsByType.values()].flat();
    return fc.oneof(
      { weight: type ? 8 : 0, arbitrary: fc.constantFrom(...(type ? idsByType.get(type)! : anyType)) },
      { weight: 2, arbitrary: fc.constantFrom(...anyType) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '1',
          '-1',
          'abc',
          toGlobalId(type ?? 'Employer', '0'),
          toGlobalId(type ?? 'Employer', '-1'),
          toGlobalId(type ?? 'Employer', '99999999'),
          toGlobalId(type ?? 'Employer', '2147483648'),
          toGlobalId(type ?? 'Employer', '1.5'),
          toGlobalId(type ?? 'Employer', '1 OR 1=1'),
          toGlobalId('Nothing', 1),
          'x'.repeat(5000),
        ),
      },
      { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
    );
  }

  function scalarArbitrary(type: GraphQLScalarType, typed: boolean, fieldName: string, mutationName: string): fc.Arbitrary<unknown> {
    const pick = (valid: fc.Arbitrary<unknown>, invalid: fc.Arbitrary<unknown>) => (typed ? valid : fc.oneof(valid, invalid));
    switch (type.name) {
      case 'ID':
        return idArbitrary(fieldName, mutationName);
      case 'String':
        return text;
      case 'Int':
        return pick(typedInt, untypedInt);
      case 'Float':
        return pick(typedFloat, untypedFloat);
      case 'Boolean':
        return pick(fc.boolean(), fc.constantFrom('true', 0));
      case 'Date':
        return pick(typedDate, untypedDate);
      case 'DateTimeISO':
        return pick(typedDateTime, untypedDateTime);
      case 'JSONObject':
        return pick(fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }), fc.constantFrom('not an object', [1, 2]));
      default:
        throw new Error(`No arbitrary for the scalar ${type.name}: add one here`);
    }
  }

  /** Typed values fit the input's types (required fields given, enums valid); untyped ones need not. */
  function valueArbitrary(type: GraphQLInputType, depth: number, typed: boolean, fieldName: string, mutationName: string): fc.Arbitrary<unknown> {
    const nonNull = type instanceof GraphQLNonNull;
    const inner = type instanceof GraphQLNonNull ? type.ofType : type;
    const present = ((): fc.Arbitrary<unknown> => {
      const type = inner;
      if (type instanceof GraphQLList) return fc.array(valueArbitrary(type.ofType, depth + 1, typed, fieldName, mutationName), { maxLength: depth > 2 ? 1 : 4 });
      if (type instanceof GraphQLEnumType) {
        const valid = fc.constantFrom(...type.getValues().map((value) => value.name));
        return typed ? valid : fc.oneof(valid, fc.constantFrom('NOT_A_VALUE', 'published'));
      }
      if (type instanceof GraphQLInputObjectType) {
        const fields = Object.values(type.getFields());
        if (depth > 4) return fc.constant({});
        const shape = Object.fromEntries(fields.map((field) => [field.name, valueArbitrary(field.type, depth + 1, typed, field.name, mutationName)]));
        const requiredKeys = fields.filter((field) => field.type instanceof GraphQLNonNull).map((field) => field.name);
        const record = fc.record(shape, { requiredKeys: requiredKeys as never[] });
        return typed ? record : fc.oneof(record, fc.record({ ...shape, unknownField: text }));
      }
      return scalarArbitrary(type as GraphQLScalarType, typed, fieldName, mutationName);
    })();
    // Nullable: usually given, sometimes null (which clears the field).
    const value = nonNull ? present : fc.oneof({ weight: 6, arbitrary: present }, { weight: 1, arbitrary: fc.constant(null) });
    return typed ? value : fc.oneof({ weight: 6, arbitrary: value }, { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, 42, -1.5, 'text', [], {}, ['a'], { id: 1 }) });
  }

  /** The payload's user errors and, for every object it returns, its ID, so the read path runs too. */
  function selectionOf(field: GraphQLField<unknown, unknown>): string {
    const payload = getNamedType(field.type);
    if (!isObjectType(payload)) return '';
    const parts = Object.values((payload as GraphQLObjectType).getFields()).map((child) => {
      const named = getNamedType(child.type);
      if (child.name === 'userErrors') return 'userErrors { field message code }';
      if (isObjectType(named)) return 'id' in named.getFields() ? `${child.name} { id }` : `${child.name} { __typename }`;
      return child.name;
    });
    return `{ ${parts.join(' ')} }`;
  }

  function documentOf(field: GraphQLField<unknown, unknown>): string {
    const declared = field.args.map((arg: GraphQLArgument) => `$${arg.name}: ${String(arg.type)}`).join(', ');
    const passed = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    return `mutation Fuzz${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''} ${selectionOf(field)} }`;
  }

  async function fuzz(field: GraphQLField<unknown, unknown>): Promise<string | null> {
    const document = documentOf(field);
    const variablesOf = (typed: boolean) => fc.record(Object.fromEntries(field.args.map((arg) => [arg.name, valueArbitrary(arg.type, 0, typed, arg.name, field.name)])));
    // Mostly well-typed, so that most requests get past GraphQL's coercion into the services.
    const variables = fc.oneof({ weight: 6, arbitrary: variablesOf(true) }, { weight: 1, arbitrary: variablesOf(false) });
    let before = await checksum(database.db);
    const result = await fc.check(
      fc.asyncProperty(variables, fc.constantFrom(...tokens), async (input, token) => {
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: encodeBody(document, input),
        });
        const raw = await response.text();
        expect(response.status).toBeLessThan(500);
        const body = JSON.parse(raw) as { data?: Record<string, { userErrors?: { code?: string; message: string }[] } | null> | null; errors?: { message: string; extensions?: { code?: string } }[] };
        for (const error of body.errors ?? []) {
          expect({ error: error.message, code: error.extensions?.code }).toEqual({ error: error.message, code: expect.any(String) });
          expect({ error: error.message, code: error.extensions?.code }).not.toEqual({ error: error.message, code: 'INTERNAL_SERVER_ERROR' });
        }
        const payload = body.data?.[field.name] ?? null;
        const userErrors = payload?.userErrors ?? [];
        for (const userError of userErrors) {
          expect(userError.code).toEqual(expect.any(String));
          expect({ userError: userError.message }).not.toEqual({ userError: expect.stringMatching(INTERNAL_DETAIL) });
        }
        const refused = payload === null || userErrors.length > 0;
        const outcome = userErrors[0]?.code ?? body.errors?.[0]?.extensions?.code ?? 'SUCCESS';
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        if (refused) expect(body.errors?.length || userErrors.length).toBeGreaterThan(0);
        const after = await checksum(database.db);
        if (refused) {
          const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
          expect({ refusedButChanged: changed }).toEqual({ refusedButChanged: [] });
        }
        before = after;
      }),
      { numRuns: RUNS_PER_MUTATION, seed: SEED, endOnFailure: true },
    );
    if (!result.failed) return null;
    const error = 'errorInstance' in result && result.errorInstance instanceof Error ? result.errorInstance.message : 'the run was interrupted';
    return `${field.name} with ${fc.stringify(result.counterexample)}:\n${error.slice(0, 1500)}`;
  }

  it('gives every mutation of the schema random and hostile input: no fault, a coded answer, nothing written when refused', async () => {
    // From the schema the code builds, so a new mutation is fuzzed without a word here.
    const schema = await buildPathforgeSchema();
    const mutations = Object.values(schema.getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThan(80);
    const failures: string[] = [];
    for (const field of mutations) {
      const failure = await fuzz(field);
      if (failure) failures.push(failure);
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('answers hostile documents (fragment chains, nested lists, alias floods) with coded refusals, never a fault', async () => {
    const schema = await buildPathforgeSchema();
    const query = schema.getQueryType()!;
    const objectFields = (type: GraphQLObjectType) => Object.values(type.getFields()).filter((field) => isObjectType(getNamedType(field.type)));
    const scalarField = (type: GraphQLObjectType) => Object.values(type.getFields()).find((field) => !isObjectType(getNamedType(field.type)) && field.args.every((arg) => !(arg.type instanceof GraphQLNonNull)))?.name ?? '__typename';
    /** A walk down object fields from a root connection, as deep as `depth`, choosing by `picks`. */
    const nestedSelection = (picks: number[], first: number | null): string => {
      const roots = Object.values(query.getFields()).filter((field) => field.args.some((arg) => arg.name === 'first'));
      const root = roots[picks[0] % roots.length];
      let type = getNamedType(root.type) as GraphQLObjectType;
      const opened: string[] = [`${root.name}${first === null ? '' : `(first: ${first})`} {`];
      for (const pick of picks.slice(1)) {
        const candidates = objectFields(type).filter((field) => field.args.every((arg) => !(arg.type instanceof GraphQLNonNull)));
        if (candidates.length === 0) break;
        const field = candidates[pick % candidates.length];
        opened.push(`${field.name} {`);
        type = getNamedType(field.type) as GraphQLObjectType;
      }
      return `${opened.join(' ')} ${scalarField(type)} ${'}'.repeat(opened.length)}`;
    };
    const chain = (length: number, base: string) =>
      [`fragment F0 on Query { ${base} }`, ...Array.from({ length }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`)].join(' ');
    const documents = fc.oneof(
      fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 14 }), fc.constantFrom(null, 0, 1, 20, 100, 101, -1)).map(([picks, first]) => `{ ${nestedSelection(picks, first)} }`),
      fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 45 })).map(([picks, length]) => `{ ...F${length} } ${chain(length, nestedSelection(picks, 100))}`),
      fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.integer({ min: 2, max: 40 })).map(([picks, copies]) => `{ ${Array.from({ length: copies }, (_, i) => `a${i}: ${nestedSelection(picks, 100)}`).join(' ')} }`),
      fc.integer({ min: 1, max: 120 }).map((spreads) => `{ ${'...T '.repeat(spreads)} } fragment T on Query { __typename }`),
      fc.integer({ min: 1, max: 40 }).map((copies) => `{ ${Array.from({ length: copies }, (_, i) => `i${i}: __schema { types { name fields { name type { name ofType { name } } } } }`).join(' ')} }`),
      fc.constantFrom(
        `{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }`,
        `{ ...Missing }`,
        `{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }`,
        `{ node(id: "\u0000") { id } }`,
      ),
    );
    await fc.assert(
      fc.asyncProperty(documents, fc.constantFrom(...tokens), async (document, token) => {
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query: document }),
        });
        expect(response.status).toBeLessThan(500);
        const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
        for (const error of body.errors ?? []) {
          expect(error.extensions?.code).toEqual(expect.any(String));
          expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
        }
      }),
      { numRuns: 150, seed: SEED },
    );
  }, 300_000);

  it('refuses every prerequisite cycle, however long, and writes nothing for it', async () => {
    const admin = tokens[0];
    const send = async (query: string, variables: Record<string, unknown>) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ query, variables }),
      });
      expect(response.status).toBeLessThan(500);
      return (await response.json()) as { data?: { credentialUpdate: { userErrors: { code: string; field: string[] | null }[] } }; errors?: unknown[] };
    };
    const setPrerequisites = async (id: string, prerequisiteIds: string[]) =>
      send(`mutation($input: CredentialUpdateInput!) { credentialUpdate(input: $input) { userErrors { code field } } }`, { input: await withCurrentRevision(database.db, { id, prerequisiteIds }) });
    const credentials = idsByType.get('Credential')!;
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(credentials, { minLength: 1, maxLength: 4 }), async (chain) => {
        // Clear the chain's prerequisites, link each to the next, then close the loop.
        for (const id of chain) expect((await setPrerequisites(id, [])).data?.credentialUpdate.userErrors).toEqual([]);
        for (let i = 0; i + 1 < chain.length; i += 1) expect((await setPrerequisites(chain[i], [chain[i + 1]])).data?.credentialUpdate.userErrors).toEqual([]);
        const before = await checksum(database.db);
        const closing = await setPrerequisites(chain[chain.length - 1], [chain[0]]);
        expect(closing.errors).toBeUndefined();
        expect(closing.data?.credentialUpdate.userErrors.map((e) => e.code)).toEqual(['CYCLE']);
        expect(await checksum(database.db)).toEqual(before);
      }),
      { numRuns: 6, seed: SEED },
    );
  });
});
