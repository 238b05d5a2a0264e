import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { denial } from './access';
import { Context } from './context';
import { Loaders, transactionSource } from './loaders';
import { registeredMutationHooks } from './registry';
import { writeSlotsOf } from './write-slots';
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
 *
 * While the work runs, the context's database and loaders are the transaction's (see
 * `boundTo`): a permission check, a DataLoader or a service that reads through the context gets
 * the connection the transaction already holds. Reading through the pool instead would take a
 * second connection while the transaction keeps its locks: writers queued on the same row each
 * hold a connection, the pool runs dry, and the holder waits for a connection that only its own
 * commit would free (DATABASE_BUSY for everyone). Mutations also hold at most their share of the
 * pool (write-slots.ts), so reads find a connection however many writers queue on one row.
 */
export async function runMutation<P extends Payload>(
  ctx: Context,
  work: (em: EntityManager) => Promise<Omit<P, 'userErrors'>>,
  empty: Omit<P, 'userErrors'>,
): Promise<P> {
  if (ctx.viewer.role === Role.PUBLIC) throw denial(ctx);
  try {
    const hooks = registeredMutationHooks();
    const result = await writeSlotsOf(ctx.db).run(() => ctx.db.transaction(async (em) => {
      const scope = { viewer: ctx.viewer, mutation: ctx.mutation ?? 'unknown' };
      for (const hook of hooks) hook.begin?.(em.queryRunner, scope);
      const { db, loaders } = ctx;
      ctx.db = boundTo(db, em);
      ctx.loaders = new Loaders(transactionSource(em));
      try {
        return await work(em);
      } finally {
        ctx.db = db;
        ctx.loaders = loaders;
      }
    }));
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

/**
 * `db` as seen from inside the transaction of `em`: its manager, repositories, raw queries, query
 * runners and nested transactions all use the transaction's connection. Mutation fields run one
 * at a time, so the context can lend it to the work and take it back after.
 */
export function boundTo(db: DataSource, em: EntityManager): DataSource {
  const runner = em.queryRunner as QueryRunner;
  const lent = new Proxy(runner, { get: (target, key) => (key === 'release' ? async () => undefined : Reflect.get(target, key, target)) });
  const overrides: Partial<Record<keyof DataSource, unknown>> = {
    manager: em,
    getRepository: em.getRepository.bind(em),
    getTreeRepository: em.getTreeRepository.bind(em),
    query: (sql: string, parameters?: unknown[]) => em.query(sql, parameters),
    createQueryBuilder: em.createQueryBuilder.bind(em),
    createQueryRunner: () => lent,
    transaction: em.transaction.bind(em),
  };
  return new Proxy(db, {
    get: (target, key, receiver) => (key in overrides ? overrides[key as keyof DataSource] : Reflect.get(target, key, receiver)),
  });
}
