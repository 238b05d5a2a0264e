import DataLoader from 'dataloader';
import { DataSource, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral, In } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { preparedQuery } from './database';

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

  /** Rows by primary key, as entities (see `readById`). */
  byId<T extends ObjectLiteral & { id: number }>(entity: EntityTarget<T>): DataLoader<number, T | null> {
    return this.memo(`id:${this.name(entity)}`, () =>
      new DataLoader<number, T | null>(async (ids) => {
        const byId = new Map((await readById<T>(this.db, this.db.getMetadata(entity), ids)).map((row) => [row.id, row]));
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

/** An entity's read by primary key: one named statement, and the columns in the order it selects them. */
interface ByIdStatement {
  name: string;
  text: string;
  columns: ColumnMetadata[];
}
const byIdStatements = new WeakMap<EntityMetadata, ByIdStatement>();

function byIdStatement(metadata: EntityMetadata): ByIdStatement {
  let statement = byIdStatements.get(metadata);
  if (!statement) {
    // As TypeORM's find selects: every column that is not virtual.
    const columns = metadata.columns.filter((column) => !column.isVirtual && column.isSelect);
    const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
    const table = metadata.schema ? `${quote(metadata.schema)}.${quote(metadata.tableName)}` : quote(metadata.tableName);
    const [primary] = metadata.primaryColumns;
    statement = {
      name: `pathforge_by_id_${metadata.tableName}`,
      text: `SELECT ${columns.map((column) => quote(column.databaseName)).join(', ')} FROM ${table} WHERE ${quote(primary.databaseName)} = ANY($1)`,
      columns,
    };
    byIdStatements.set(metadata, statement);
  }
  return statement;
}

/**
 * The rows with these primary keys, as entities just as `findBy({ id: In(ids) })` returns them:
 * each column's value goes through the driver's hydration and the column's transformer. One
 * prepared statement per entity, built once from its metadata: TypeORM's query building and
 * result transformation cost more than the statement itself on the pages that load many
 * entities by id (a learner's routes name a credential per item and next step).
 */
async function readById<T extends ObjectLiteral>(db: LoaderSource, metadata: EntityMetadata, ids: readonly number[]): Promise<T[]> {
  const { name, text, columns } = byIdStatement(metadata);
  const rows = await preparedQuery<Record<string, unknown>>(db.manager, name, text, [[...ids]]);
  const driver = db.manager.connection.driver;
  return rows.map((row) => {
    const entity = metadata.create(undefined, { fromDeserializer: true }) as T;
    for (const column of columns) {
      const value = row[column.databaseName];
      if (value !== undefined) column.setEntityValue(entity, driver.prepareHydratedValue(value, column));
    }
    return entity;
  });
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
