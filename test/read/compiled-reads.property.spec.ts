import fc from 'fast-check';
import { getNamedType, GraphQLField, GraphQLObjectType, isAbstractType, isLeafType, isNonNullType, isObjectType } from 'graphql';
import { toGlobalId } from '../../api/src/core/ids';
import { seedDemoData } from '../../api/src/seed/demo';
import { createTestDatabase, TestDatabase } from '../support/db';
import { answer, Readers, readers } from './compare';

const DIRECTIVES = ['', '', '', '@include(if: $yes)', '@include(if: $no)', '@skip(if: $yes)', '@skip(if: $no)', '@include(if: true) @skip(if: false)'];

const callable = (field: GraphQLField<unknown, unknown>) => field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined);

/**
 * A random selection set on `type`: some of its fields, some aliased, some under a directive or
 * an inline fragment, objects down to `depth`.
 */
function selection(type: GraphQLObjectType, depth: number, prefix?: string): fc.Arbitrary<string> {
  const fields = Object.values(type.getFields()).filter(callable);
  const leaves = fields.filter((field) => isLeafType(getNamedType(field.type)));
  const objects = depth > 0 ? fields.filter((field) => !isLeafType(getNamedType(field.type))) : [];
  const decorate = (text: string, name: string) =>
    fc.record({ alias: fc.boolean(), directive: fc.constantFrom(...DIRECTIVES), fragment: fc.boolean() }).map(({ alias, directive, fragment }) => {
      const [head, ...rest] = text.split(' ');
      // Fragments on different node types alias every field by type, so that their types never clash.
      const field = `${prefix ? `${prefix}_${name}_${head}: ` : alias ? `${name}_${head}: ` : ''}${head} ${directive} ${rest.join(' ')}`;
      return fragment ? `... on ${type.name} { ${field} }` : field;
    });
  const leafPart = fc.subarray(leaves, { minLength: Math.min(1, leaves.length), maxLength: Math.min(6, leaves.length) }).chain((chosen) => fc.tuple(...chosen.map((field, index) => decorate(field.name, `l${index}`))));
  const objectPart = fc.subarray(objects, { maxLength: Math.min(3, objects.length) }).chain((chosen) =>
    fc.tuple(
      ...chosen.map((field, index) => {
        const named = getNamedType(field.type);
        const sub = isAbstractType(named) ? fc.constant('__typename') : selection(named as GraphQLObjectType, depth - 1);
        return sub.chain((inner) => decorate(`${field.name} { ${inner} }`, `o${index}`));
      }),
    ),
  );
  return fc.tuple(leafPart, objectPart).map(([a, b]) => [...a, ...b].join(' ') || '__typename');
}

describe('compiled reads, property', () => {
  let database: TestDatabase;
  let schemas: Readers;
  const ids: Record<string, string[]> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoData(database.db);
    schemas = await readers(database.db);
    for (const [type, table] of [['Pathway', 'pathway'], ['Credential', 'credential'], ['Institution', 'institution'], ['Occupation', 'occupation'], ['PathwayStage', 'pathway_stage']]) {
      const rows: { id: number }[] = await database.db.query(`SELECT id FROM ${table} ORDER BY id`);
      ids[type] = rows.map((row) => toGlobalId(type, row.id));
    }
  });
  afterAll(() => database.drop());

  it('answers random selections identically through the compiler (under graphql-js or graphql-jit) and through the resolvers', async () => {
    const query = schemas.compiled.getQueryType()!.getFields();
    const on = (field: string) => getNamedType(query[field].type) as GraphQLObjectType;
    const nodeTypes = ['Pathway', 'Credential', 'Occupation', 'PathwayStage', 'Institution'].map((name) => schemas.compiled.getType(name) as GraphQLObjectType);
    const nodeSelection = fc.tuple(...nodeTypes.map((type) => selection(type, 2, type.name))).map((parts) => `id __typename ${parts.map((part, i) => `... on ${nodeTypes[i].name} { ${part} }`).join(' ')}`);
    const pick = (type: string) => fc.constantFrom(...ids[type]);
    const root = fc.oneof(
      fc.tuple(pick('Pathway'), selection(on('pathway'), 3)).map(([id, s]) => `pathway(id: "${id}") { ${s} }`),
      fc.tuple(fc.integer({ min: 1, max: 30 }), selection(on('pathways'), 4)).map(([n, s]) => `pathways(first: ${n}) { ${s} }`),
      fc.tuple(pick('Credential'), selection(on('credential'), 3)).map(([id, s]) => `credential(id: "${id}") { ${s} }`),
      fc.tuple(fc.integer({ min: 1, max: 30 }), selection(on('credentials'), 3)).map(([n, s]) => `credentials(first: ${n}, orderBy: { field: LEVEL }) { ${s} }`),
      fc.tuple(pick('Institution'), selection(on('institution'), 3)).map(([id, s]) => `institution(id: "${id}") { ${s} }`),
      fc.tuple(fc.integer({ min: 1, max: 12 }), selection(on('occupations'), 3)).map(([n, s]) => `occupations(first: ${n}) { ${s} }`),
      fc.tuple(pick('PathwayStage'), nodeSelection).map(([id, s]) => `node(id: "${id}") { ${s} }`),
      fc.tuple(fc.subarray([...ids.Pathway, ...ids.Credential, ...ids.Occupation, ...ids.PathwayStage], { minLength: 1, maxLength: 6 }), nodeSelection).map(
        ([list, s]) => `nodes(ids: ${JSON.stringify(list)}) { ${s} }`,
      ),
    );
    const viewers = Object.entries(schemas.viewers);
    await fc.assert(
      fc.asyncProperty(root, fc.constantFrom(...viewers), fc.boolean(), fc.boolean(), async (field, [who, viewer], yes, jit) => {
        const document = `query($yes: Boolean!, $no: Boolean!) { __typename @include(if: $yes) @skip(if: $no) ${field} }`;
        const variables = { yes, no: !yes };
        const expected = await answer(database.db, schemas.resolvers, viewer, document, variables);
        const actual = await answer(database.db, schemas.compiled, viewer, document, variables, jit);
        expect({ who, data: actual.data, errors: actual.errors }).toEqual({ who, data: expected.data, errors: expected.errors });
      }),
      { numRuns: 60 },
    );
  });
});
