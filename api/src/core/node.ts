import { GraphQLSchema, isAbstractType } from 'graphql';
import { Field, ID, InterfaceType } from 'type-graphql';
import { toGlobalId } from './ids';
import { ImmutableData } from './public-data';

/** The property a row read as plain JSON carries its GraphQL type name in. */
export const TYPE_KEY = '$t';

/** The GraphQL type of an object: the name a plain row carries, else its class's name. */
export function typeNameOf(value: object): string {
  return ((value as Record<string, unknown>)[TYPE_KEY] as string | undefined) ?? value.constructor.name;
}

/**
 * Every interface and union resolves its objects' types at once. type-graphql wraps
 * `resolveType` in an async function, which the compiled executor cannot wait for.
 */
export function resolveTypesAtOnce(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (isAbstractType(type) && !type.name.startsWith('__')) type.resolveType = typeNameOf;
  }
  return schema;
}

/**
 * Every object a client can refetch by ID. Entity classes extend Node, so the opaque global ID
 * is derived from the class name (which is also the GraphQL type name) and the row's id.
 */
@InterfaceType({
  description: 'An object with an opaque global ID, refetchable through `node(id:)`.',
  resolveType: typeNameOf,
})
export abstract class Node {
  abstract id: number;

  @ImmutableData()
  @Field(() => ID, { name: 'id', description: 'Opaque global ID.' })
  get globalId(): string {
    return toGlobalId(this.constructor.name, this.id);
  }
}
