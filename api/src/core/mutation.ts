import { EntityManager } from 'typeorm';
import { denial } from './access';
import { Context } from './context';
import { registeredMutationHooks } from './registry';
import { Role } from './viewer';
import { UserError, UserInputFailure, userErrorFromDatabase } from './errors';
import { uniquenessInWords } from './wording';

export interface Payload {
  userErrors: UserError[];
}

/**
 * Runs one mutation in one transaction. Expected failures (UserInputFailure, integrity
 * violations) roll everything back and come back as userErrors; anything else is rethrown as a
 * fault. Modules' hooks (see registry.ts) run inside the transaction before the work and after
 * commit: the request's loaders are cleared and the after-commit hooks finish before the payload
 * is read, so the payload, and the requests after it, read what was written.
 */
export async function runMutation<P extends Payload>(
  ctx: Context,
  work: (em: EntityManager) => Promise<Omit<P, 'userErrors'>>,
  empty: Omit<P, 'userErrors'>,
): Promise<P> {
  if (ctx.viewer.role === Role.PUBLIC) throw denial(ctx);
  try {
    const hooks = registeredMutationHooks();
    const result = await ctx.db.transaction((em) => {
      const scope = { viewer: ctx.viewer, mutation: ctx.mutation ?? 'unknown' };
      for (const hook of hooks) hook.begin?.(em.queryRunner, scope);
      return work(em);
    });
    ctx.loaders.clearAll();
    await Promise.all(hooks.map((hook) => hook.afterCommit?.(ctx.db)));
    return { ...result, userErrors: [] } as unknown as P;
  } catch (error) {
    if (error instanceof UserInputFailure) return { ...empty, userErrors: error.userErrors } as unknown as P;
    const mapped = (await uniquenessInWords(error, ctx.db)) ?? userErrorFromDatabase(error);
    if (mapped) return { ...empty, userErrors: [mapped] } as unknown as P;
    throw error;
  }
}
