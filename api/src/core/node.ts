import { Field, ID, InterfaceType } from 'type-graphql';
import { toGlobalId } from './ids';

/**
 * Every object a client can refetch by ID. Entity classes extend Node, so the opaque global ID
 * is derived from the class name (which is also the GraphQL type name) and the row's id.
 */
@InterfaceType({
  description: 'An object with an opaque global ID, refetchable through `node(id:)`.',
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  abstract id: number;

  @Field(() => ID, { name: 'id', description: 'Opaque global ID.' })
  get globalId(): string {
    return toGlobalId(this.constructor.name, this.id);
  }
}
