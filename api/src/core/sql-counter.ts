import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Counts the SQL statements a unit of work issues. A request runs inside `countStatements`,
 * and the TypeORM logger calls `recordStatement` for every query, so the count follows the
 * request across awaits without being passed around.
 */
export interface StatementCounter {
  count: number;
}

const storage = new AsyncLocalStorage<StatementCounter>();

export function countStatements<T>(counter: StatementCounter, work: () => T): T {
  return storage.run(counter, work);
}

export function recordStatement(): void {
  const counter = storage.getStore();
  if (counter) counter.count += 1;
}
