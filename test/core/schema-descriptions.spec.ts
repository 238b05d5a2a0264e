import fs from 'node:fs';
import { buildSchema, GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType } from 'graphql';
import { schemaFile } from '../../api/src/schema/build';

/** Every type, field, argument, enum value and input field of the schema that has no description. */
function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
  }
  return missing.sort();
}

describe('schema descriptions', () => {
  const schema = buildSchema(fs.readFileSync(schemaFile, 'utf8'));

  it('describes every type, field, argument, enum value and input field of schema.graphql', () => {
    expect(undocumented(schema)).toEqual([]);
  });

  it('finds an undocumented element', () => {
    const bare = buildSchema(`"""A query root."""\ntype Query { """Described."""\nok: Int\nbare(arg: Int): Int }`);
    expect(undocumented(bare)).toEqual(['Query.bare', 'Query.bare(arg)']);
  });
});
