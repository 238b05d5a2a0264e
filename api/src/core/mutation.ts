import { EntityManager } from 'typeorm';
import { denial } from './access';
import { beginAudit } from '../modules/audit/audit.subscriber';
import { syncProgramCatalogue } from '../modules/advising/program-catalogue';
import { Context } from './context';
import { Role } from '../modules/accounts/user.entity';
import { UserError, UserInputFailure, userErrorFromDatabase } from './errors';

export interface Payload {
  userErrors: UserError[];
}

/**
 * Runs one mutation in one transaction. Expected failures (UserInputFailure, integrity
 * violations) roll everything back and come back as userErrors; anything else is rethrown as a
 * fault. After commit the request's loaders are cleared, and the process's program catalogue
 * hears what the commit changed before the payload is read, so the payload, and the requests
 * after it, read what was written.
 */
export async function runMutation<P extends Payload>(
  ctx: Context,
  work: (em: EntityManager) => Promise<Omit<P, 'userErrors'>>,
  empty: Omit<P, 'userErrors'>,
): Promise<P> {
  if (ctx.viewer.role === Role.PUBLIC) throw denial(ctx);
  try {
    const result = await ctx.db.transaction((em) => {
      beginAudit(em.queryRunner, { viewer: ctx.viewer, mutation: ctx.mutation ?? 'unknown' });
      return work(em);
    });
    ctx.loaders.clearAll();
    await syncProgramCatalogue(ctx.db);
    return { ...result, userErrors: [] } as unknown as P;
  } catch (error) {
    if (error instanceof UserInputFailure) return { ...empty, userErrors: error.userErrors } as unknown as P;
    const mapped = userErrorFromDatabase(error);
    if (mapped) return { ...empty, userErrors: [mapped] } as unknown as P;
    throw error;
  }
}
