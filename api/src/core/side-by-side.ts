import { EntityManager } from 'typeorm';

/**
 * Runs independent reads at once on the pool, or one after another inside a transaction, whose
 * statements share one connection: pg queues concurrent queries on a client, and warns that it
 * will stop doing so.
 */
export async function sideBySide<T extends unknown[]>(em: EntityManager, reads: [...{ [K in keyof T]: () => Promise<T[K]> }]): Promise<T> {
  if (!em.queryRunner?.isTransactionActive) return (await Promise.all(reads.map((read) => read()))) as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}
