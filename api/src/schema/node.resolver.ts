import { GraphQLError } from 'graphql';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Context } from '../core/context';
import { fromGlobalId } from '../core/ids';
import { Node } from '../core/node';

import { registeredEntity } from '../core/registry';

const MAX_IDS = 100;

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global ID; null when there is none.' })
  node(@Arg('id', () => ID, { description: 'A global ID from any object\'s `id`.' }) id: string, @Ctx() ctx: Context): Promise<Node | null> {
    return this.load(id, ctx);
  }

  @Query(() => [Node], { nullable: 'items', description: `Up to ${MAX_IDS} objects by global ID, one answer per ID in the order asked; null where there is none or the viewer may not read it.` })
  nodes(@Arg('ids', () => [ID], { description: `Global IDs, at most ${MAX_IDS}.` }) ids: string[], @Ctx() ctx: Context): Promise<(Node | null)[]> {
    // Answering only the first ids would shift no answer but silently drop the rest.
    if (ids.length > MAX_IDS) throw new GraphQLError(`nodes takes at most ${MAX_IDS} IDs`, { extensions: { code: 'BAD_USER_INPUT' } });
    return Promise.all(ids.map((id) => this.load(id, ctx)));
  }

  private async load(id: string, ctx: Context): Promise<Node | null> {
    const decoded = fromGlobalId(id);
    const entity = decoded && registeredEntity(decoded.typeName);
    if (!decoded || !entity || !(entity.prototype instanceof Node)) return null;
    return (await ctx.loaders.byId(entity as never).load(decoded.localId)) as Node | null;
  }
}
