import { getNamedType, getNullableType, GraphQLSchema, isInterfaceType, isListType, isObjectType } from 'graphql';
import { DataSource } from 'typeorm';

/**
 * How many items each plain list field (one without `first`) can return, for the query cost:
 * either declared, for lists whose length the code decides (the checks of a readiness report), or
 * measured: an SQL expression giving the largest number of such items any one parent has now.
 */
export type ListBoundSpec = number | { measure: string };

/** A measured list that is empty now still costs one item. */
const MEASURED_FLOOR = 1;
/** What a measured list costs before its first measurement, and what an undeclared list costs. */
export const UNMEASURED_BOUND = 100;
/** The items of a connection are already counted by its `first`; user errors are few by construction. */
const USER_ERRORS_BOUND = 20;
/** Lists grow; measuring again this often keeps the bound close to the data. */
const REMEASURE_EVERY_MS = 60 * 1000;

const specs = new Map<string, ListBoundSpec>();
const measured = new Map<string, number>();
let generation = 0;

/** Changes whenever a bound may have: what was computed from the bounds before is stale. */
export function listBoundsGeneration(): number {
  return generation;
}

/** Modules and the schema declare their lists' bounds here, keyed `Type.field`. */
export function declareListBounds(entries: Record<string, ListBoundSpec>): void {
  for (const [key, spec] of Object.entries(entries)) specs.set(key, spec);
  generation += 1;
}

export function listBound(typeName: string, fieldName: string): number {
  if (typeName.endsWith('Connection') && (fieldName === 'nodes' || fieldName === 'edges')) return 1;
  if (fieldName === 'userErrors') return USER_ERRORS_BOUND;
  const spec = specs.get(`${typeName}.${fieldName}`);
  if (typeof spec === 'number') return spec;
  return Math.max(MEASURED_FLOOR, measured.get(`${typeName}.${fieldName}`) ?? UNMEASURED_BOUND);
}

/** Reads every measured bound in one statement. */
export async function measureListBounds(db: DataSource): Promise<void> {
  const entries = [...specs].filter((entry): entry is [string, { measure: string }] => typeof entry[1] === 'object');
  if (entries.length === 0) return;
  const select = entries.map(([, spec], index) => `(${spec.measure})::int AS b${index}`).join(', ');
  const [row] = (await db.query(`SELECT ${select}`)) as Record<string, number | null>[];
  let changed = false;
  entries.forEach(([key], index) => {
    const bound = Number(row[`b${index}`] ?? 0);
    if (measured.get(key) !== bound) changed = true;
    measured.set(key, bound);
  });
  if (changed) generation += 1;
}

/** Measures now, then again every minute in the background; returns what stops it. */
export async function keepListBoundsMeasured(db: DataSource): Promise<() => void> {
  await measureListBounds(db);
  const timer = setInterval(() => {
    measureListBounds(db).catch(() => undefined);
  }, REMEASURE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** Plain list fields of object types with no declared or measured bound (a test keeps this empty). */
export function undeclaredListFields(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || (!isObjectType(type) && !isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isListType(getNullableType(field.type)) || field.args.some((arg) => arg.name === 'first' || arg.name === 'ids')) continue;
      if (!isObjectType(getNamedType(field.type)) && !isInterfaceType(getNamedType(field.type))) continue;
      const key = `${type.name}.${field.name}`;
      if (type.name.endsWith('Connection') && (field.name === 'nodes' || field.name === 'edges')) continue;
      if (field.name === 'userErrors' || specs.has(key)) continue;
      missing.push(key);
    }
  }
  return missing;
}
