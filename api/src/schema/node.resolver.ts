import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Context } from '../core/context';
import { entities } from '../core/entities';
import { fromGlobalId } from '../core/ids';
import { Node } from '../core/node';

const byTypeName = new Map<string, (typeof entities)[number]>(entities.map((entity) => [entity.name, entity]));

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global ID; null when there is none.' })
  node(@Arg('id', () => ID, { description: 'A global ID from any object\'s `id`.' }) id: string, @Ctx() ctx: Context): Promise<Node | null> {
    return this.load(id, ctx);
  }

  @Query(() => [Node], { nullable: 'items', description: 'Several objects by global ID, in the order asked; null where there is none.' })
  nodes(@Arg('ids', () => [ID], { description: 'Global IDs; the first 100 are read.' }) ids: string[], @Ctx() ctx: Context): Promise<(Node | null)[]> {
    return Promise.all(ids.slice(0, 100).map((id) => this.load(id, ctx)));
  }

  private async load(id: string, ctx: Context): Promise<Node | null> {
    const decoded = fromGlobalId(id);
    const entity = decoded && byTypeName.get(decoded.typeName);
    if (!decoded || !entity || !(entity.prototype instanceof Node)) return null;
    return (await ctx.loaders.byId(entity as never).load(decoded.localId)) as Node | null;
  }
}
