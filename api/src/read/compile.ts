import { FieldNode, FragmentDefinitionNode, getNamedType, GraphQLEnumType, GraphQLObjectType, GraphQLSchema, isEnumType, isLeafType, isObjectType } from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields';
import { DataSource } from 'typeorm';
import { Viewer } from '../core/viewer';
import { CompiledType, Relation, base64url, scopeOf, Value } from './model';

/**
 * Turns the selection of one root field into one SQL statement that returns the field's JSON.
 * Objects carry `$t` (their type, which marks them as compiled and answers resolveType) and, when
 * a selected field is left to its resolver, `$id` (the row the resolver is handed).
 *
 * Every value that changes from request to request (ids, page bounds, the viewer's ids) is a
 * parameter, so the text depends only on the selection and the viewer's role: the same document
 * gives the same text, which PostgreSQL keeps prepared.
 *
 * A direct statement (`direct`) answers without graphql-jit: its JSON is the response's, so it
 * carries no `$t`, and `indirect` says when the answer still needs the executor (a field left to
 * its resolver, an enum whose values are not its names).
 */
export interface Build {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  viewer: Viewer;
  db: DataSource;
  types: Map<string, CompiledType>;
  /** Fields inside the statement that their resolvers answer instead. */
  fallbacks: number;
  next: number;
  /** The statement's parameters, in order ($1 is the first). */
  params: unknown[];
  /** The JSON is the response's own: no `$t`. */
  direct: boolean;
  /** Something in the JSON differs from the response and needs the executor. */
  indirect: boolean;
  ids?: Map<number, string>;
}

/** A parameter holding `value`, as SQL. */
export function param(build: Build, value: unknown, type = 'int'): string {
  build.params.push(value);
  return `$${build.params.length}::${type}`;
}

/** A viewer's integer id as a parameter (one per distinct id: a viewer's ids stay the same), or NULL. */
export const idValue = (build: Build): Value => (id) => {
  if (id === null || id === undefined || !Number.isInteger(id)) return 'NULL';
  build.ids ??= new Map();
  let sql = build.ids.get(id);
  if (!sql) build.ids.set(id, (sql = param(build, id)));
  return sql;
};

/** Enums whose internal values are not their names: graphql-jit serialises them, so a direct answer cannot. */
const renamingEnums = new WeakMap<GraphQLEnumType, boolean>();
function renames(type: GraphQLEnumType): boolean {
  let known = renamingEnums.get(type);
  if (known === undefined) renamingEnums.set(type, (known = type.getValues().some((value) => value.value !== value.name)));
  return known;
}

const typeMarker = (build: Build, name: string) => (build.direct ? [] : [`'$t'`, literal(name)]);

export const DENIED = `'{"$denied":true}'::json`;

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** json_build_object takes at most 100 arguments: wider objects are joined as jsonb. */
function jsonObject(pairs: string[]): string {
  if (pairs.length <= 100) return `json_build_object(${pairs.join(', ')})`;
  const parts: string[] = [];
  for (let i = 0; i < pairs.length; i += 100) parts.push(`jsonb_build_object(${pairs.slice(i, i + 100).join(', ')})`);
  return `(${parts.join(' || ')})::json`;
}

export const aliasOf = (build: Build) => `t${build.next++}`;

/** The JSON of one row `t` of `type` for the selection in `fieldNodes`. */
export function objectJson(build: Build, type: CompiledType, t: string, fieldNodes: readonly FieldNode[]): string {
  const objectType = build.schema.getType(type.name) as GraphQLObjectType;
  const fields = collectSubfields(build.schema, build.fragments, build.variables, objectType, fieldNodes);
  const pairs = typeMarker(build, type.name);
  let needsRow = false;
  for (const [key, nodes] of fields) {
    const name = nodes[0].name.value;
    if (name === '__typename') {
      pairs.push(literal(key), literal(type.name));
      continue;
    }
    const definition = objectType.getFields()[name];
    const named = getNamedType(definition.type);
    const leaf = type.leaves.get(name);
    if (leaf && isLeafType(named) && definition.args.length === 0) {
      if (build.direct && isEnumType(named) && renames(named)) build.indirect = true;
      pairs.push(literal(key), leaf(t));
      continue;
    }
    const relation = type.relations[name];
    const target = relation && build.types.get(relation.target);
    if (relation && target && definition.args.length === 0 && isObjectType(named) && named.name === target.name) {
      pairs.push(literal(key), relationJson(build, relation, target, t, nodes));
      continue;
    }
    needsRow = true;
    build.fallbacks += 1;
    build.indirect = true;
  }
  if (needsRow) pairs.push(`'$id'`, `${t}.id`);
  return jsonObject(pairs);
}

function relationJson(build: Build, relation: Relation, target: CompiledType, parent: string, nodes: readonly FieldNode[]): string {
  const t = aliasOf(build);
  const scope = relation.implied ? null : scopeOf(target, build.viewer, t, idValue(build));
  const inner = objectJson(build, target, t, nodes);
  if (!relation.many) {
    const value = scope ? `CASE WHEN ${scope} THEN ${inner} ELSE ${DENIED} END` : inner;
    return `(SELECT ${value} FROM ${target.table} ${t} WHERE ${t}.id = ${parent}.${relation.key})`;
  }
  return `COALESCE((SELECT json_agg(${inner} ORDER BY ${relation.order!(t)}) ${relation.from!(t, parent)}${scope ? ` AND ${scope}` : ''}), '[]'::json)`;
}

/** One row by id: its JSON, the denial marker when the viewer may not read it, or NULL when there is none. */
export function rowJson(build: Build, type: CompiledType, id: number, fieldNodes: readonly FieldNode[], unreadable: string): string {
  const t = aliasOf(build);
  const scope = scopeOf(type, build.viewer, t, idValue(build));
  const inner = objectJson(build, type, t, fieldNodes);
  const value = scope ? `CASE WHEN ${scope} THEN ${inner} ELSE ${unreadable} END` : inner;
  return `(SELECT ${value} FROM ${type.table} ${t} WHERE ${t}.id = ${param(build, id)})`;
}

export interface Page {
  /** SQL selecting `id` and the order value `o` of the rows that match (scope and filter applied). */
  matching: string;
  direction: 'ASC' | 'DESC';
  offset: number;
  limit: number;
}

/** A Relay connection over `type`: the page, its cursors, pageInfo and totalCount, all in SQL. */
export function connectionStatement(build: Build, type: CompiledType, connection: GraphQLObjectType, page: Page, fieldNodes: readonly FieldNode[]): string {
  const { direction } = page;
  const offset = param(build, page.offset);
  const limit = param(build, page.limit);
  const order = (x: string) => `${x}.o ${direction}, ${x}.id ${direction}`;
  const cursor = (x: string) => base64url(`'cursor:' || (${offset} - 1 + ${x}.rn)`);
  /** The page's rows, in order, with only the columns the selection reads. */
  const rows = (t: string) => `FROM page ${t}_p JOIN ${type.table} ${t} ON ${t}.id = ${t}_p.id WHERE ${t}_p.rn <= ${limit}`;
  const fields = collectSubfields(build.schema, build.fragments, build.variables, connection, fieldNodes);
  const pairs = typeMarker(build, connection.name);
  for (const [key, nodes] of fields) {
    const name = nodes[0].name.value;
    const child = getNamedType(connection.getFields()[name]?.type);
    if (name === '__typename') pairs.push(literal(key), literal(connection.name));
    else if (name === 'totalCount') pairs.push(literal(key), '(SELECT count(*)::int FROM matching)');
    else if (name === 'nodes') {
      const t = aliasOf(build);
      pairs.push(literal(key), `COALESCE((SELECT json_agg(${objectJson(build, type, t, nodes)} ORDER BY ${t}_p.rn) ${rows(t)}), '[]'::json)`);
    } else if (name === 'edges' && isObjectType(child)) {
      const t = aliasOf(build);
      const edgeFields = collectSubfields(build.schema, build.fragments, build.variables, child, nodes);
      const edge = typeMarker(build, child.name);
      for (const [edgeKey, edgeNodes] of edgeFields) {
        const edgeField = edgeNodes[0].name.value;
        if (edgeField === '__typename') edge.push(literal(edgeKey), literal(child.name));
        else if (edgeField === 'cursor') edge.push(literal(edgeKey), cursor(`${t}_p`));
        else if (edgeField === 'node') edge.push(literal(edgeKey), objectJson(build, type, t, edgeNodes));
      }
      pairs.push(literal(key), `COALESCE((SELECT json_agg(${jsonObject(edge)} ORDER BY ${t}_p.rn) ${rows(t)}), '[]'::json)`);
    } else if (name === 'pageInfo' && isObjectType(child)) {
      const info = typeMarker(build, child.name);
      for (const [infoKey, infoNodes] of collectSubfields(build.schema, build.fragments, build.variables, child, nodes)) {
        const infoField = infoNodes[0].name.value;
        if (infoField === '__typename') info.push(literal(infoKey), literal(child.name));
        else if (infoField === 'hasNextPage') info.push(literal(infoKey), `((SELECT count(*) FROM page) > ${limit})`);
        else if (infoField === 'hasPreviousPage') info.push(literal(infoKey), `(${offset} > 0)`);
        else if (infoField === 'startCursor') info.push(literal(infoKey), `(SELECT ${cursor('pc')} FROM page pc WHERE pc.rn = 1)`);
        else if (infoField === 'endCursor') info.push(literal(infoKey), `(SELECT ${cursor('pc')} FROM page pc WHERE pc.rn = (SELECT least(count(*), ${limit}) FROM page))`);
      }
      pairs.push(literal(key), jsonObject(info));
    }
  }
  // The page is found on ids and order values alone; its rows are then read for the selected columns.
  return `WITH matching AS (${page.matching}),
    page AS (SELECT x.id, row_number() OVER (ORDER BY ${order('x')}) AS rn
      FROM (SELECT * FROM matching m ORDER BY ${order('m')} OFFSET ${offset} LIMIT ${limit} + 1) x)
    SELECT ${jsonObject(pairs)} AS r`;
}
