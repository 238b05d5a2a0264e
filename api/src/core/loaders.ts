import DataLoader from 'dataloader';
import { DataSource, EntityManager, EntityTarget, In, ObjectLiteral } from 'typeorm';

/**
 * Where loaders read: the request's DataSource, or inside a mutation the transaction's
 * EntityManager (see `transactionSource`), so that nothing a mutation reads asks the pool for a
 * second connection while its transaction holds one.
 */
export type LoaderSource = Pick<DataSource, 'getRepository' | 'query' | 'createQueryBuilder' | 'manager' | 'getMetadata'>;

/** A LoaderSource whose every statement runs on the transaction of `em`. */
export function transactionSource(em: EntityManager): LoaderSource {
  return {
    manager: em,
    getRepository: ((target: EntityTarget<ObjectLiteral>) => em.getRepository(target)) as LoaderSource['getRepository'],
    query: ((sql: string, parameters?: unknown[]) => em.query(sql, parameters)) as LoaderSource['query'],
    createQueryBuilder: ((...args: unknown[]) => (em.createQueryBuilder as (...a: unknown[]) => unknown)(...args)) as LoaderSource['createQueryBuilder'],
    getMetadata: (target) => em.connection.getMetadata(target),
  };
}

/**
 * Per-request DataLoaders. Field resolvers ask for the loader of a relation; every relation
 * resolves in one SQL statement per level of the query, whatever the page size.
 */
export class Loaders {
  private readonly cache = new Map<string, DataLoader<unknown, unknown>>();

  constructor(private readonly db: LoaderSource) {}

  /** Rows by primary key. */
  byId<T extends ObjectLiteral & { id: number }>(entity: EntityTarget<T>): DataLoader<number, T | null> {
    return this.memo(`id:${this.name(entity)}`, () =>
      new DataLoader<number, T | null>(async (ids) => {
        const byId = new Map((await this.db.getRepository(entity).findBy({ id: In([...ids]) } as never)).map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
    );
  }

  /** One row by primary key, batched with the request's other loads of the type. */
  one<T extends ObjectLiteral & { id: number }>(entity: abstract new (...args: never[]) => T, id: number): Promise<T | null> {
    return this.byId<T>(entity as EntityTarget<T>).load(id);
  }

  /** Rows grouped by a foreign-key property, in a stable order. */
  manyBy<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    property: keyof T & string,
    order: Partial<Record<keyof T & string, 'ASC' | 'DESC'>> = {},
  ): DataLoader<number, T[]> {
    return this.memo(`many:${this.name(entity)}:${property}:${JSON.stringify(order)}`, () =>
      new DataLoader<number, T[]>(async (keys) => {
        const rows = await this.db.getRepository(entity).find({
          where: { [property]: In([...keys]) } as never,
          order: { ...order, id: 'ASC' } as never,
        });
        return groupBy(keys, rows, (row) => row[property] as number);
      }),
    );
  }

  /** A loader built by the caller (joins, aggregates); cached under `key` for the request. */
  custom<K, V>(key: string, build: (db: LoaderSource) => DataLoader<K, V>): DataLoader<K, V> {
    return this.memo(`custom:${key}`, () => build(this.db));
  }

  /** After a mutation commits, what this request loaded before it may be stale. */
  clearAll(): void {
    this.cache.clear();
  }

  private memo<K, V>(key: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.cache.get(key) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = create();
      this.cache.set(key, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }

  private name(entity: EntityTarget<unknown>): string {
    return this.db.getMetadata(entity).name;
  }
}

export function groupBy<K, T>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return keys.map((key) => groups.get(key) ?? []);
}
