import { defaultFieldResolver, FieldNode, GraphQLFieldResolver, GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema, isInterfaceType, isObjectType, isUnionType } from 'graphql';
import { applyScope, denial } from '../core/access';
import { Context } from '../core/context';
import { listQueries } from '../core/crud';
import { fromGlobalId } from '../core/ids';
import { OrderDirection, pageWindow } from '../core/pagination';
import { Build, connectionStatement, DENIED, rowJson } from './compile';
import { CompiledType, compiledTypeNames, compiledTypes } from './model';

type Source = Record<string, unknown>;
type Resolver = GraphQLFieldResolver<unknown, Context>;

const isCompiled = (value: unknown): value is Source => typeof value === 'object' && value !== null && '$t' in value;
const isDenied = (value: unknown) => typeof value === 'object' && value !== null && (value as Source).$denied === true;
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * A field of compiled JSON is under its response key (alias). An executor that collects a field
 * that @skip/@include left out of the statement looks for it under its name; a field the
 * statement left to its resolver gets the row, loaded by id (batched per request).
 */
function compiledField(resolve: Resolver): Resolver {
  return (source, args, ctx, info) => {
    if (!isCompiled(source)) return resolve(source, args, ctx, info);
    const key = info.path?.key;
    const value = typeof key === 'string' && key in source ? source[key] : info.fieldName in source ? source[info.fieldName] : undefined;
    if (value !== undefined) {
      if (isDenied(value)) throw denial(ctx);
      return value;
    }
    const type = compiledTypes(ctx.db).get(source.$t as string);
    if (!type || typeof source.$id !== 'number') return null;
    return ctx.loaders.byId(type.entity as never).load(source.$id).then((row) => (row ? resolve(row, args, ctx, info) : null));
  };
}

function newBuild(ctx: Context, info: GraphQLResolveInfo, types: Map<string, CompiledType>): Build {
  return { schema: info.schema, fragments: info.fragments, variables: info.variableValues, viewer: ctx.viewer, db: ctx.db, types, fallbacks: 0, next: 0 };
}

async function run(ctx: Context, build: Build, sql: string, params: unknown[] = []): Promise<unknown> {
  ctx.readFallbacks.count += build.fallbacks;
  const rows: { r: unknown }[] = await ctx.db.query(sql, params);
  return rows[0]?.r ?? null;
}

/** One row by global ID of the given type, as `pathway(id)` and `node(id)` answer it. */
async function readOne(ctx: Context, info: GraphQLResolveInfo, types: Map<string, CompiledType>, type: CompiledType, localId: number, fieldNodes: readonly FieldNode[]) {
  const build = newBuild(ctx, info, types);
  const value = await run(ctx, build, `SELECT ${rowJson(build, type, localId, fieldNodes, DENIED)} AS r`);
  if (isDenied(value)) throw denial(ctx);
  return value;
}

/**
 * Compiles every root query whose type the compiler knows, and lets compiled JSON answer every
 * object field. A root field the compiler cannot express runs its resolver (counted).
 */
export function applyCompiledReads(schema: GraphQLSchema): GraphQLSchema {
  const names = new Set(compiledTypeNames);
  const query = schema.getQueryType()!;
  const roots = new Set([query, schema.getMutationType(), schema.getSubscriptionType()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type) && !roots.has(type) && !type.name.startsWith('__')) {
      for (const field of Object.values(type.getFields())) field.resolve = compiledField((field.resolve ?? defaultFieldResolver) as Resolver);
    }
    if (isInterfaceType(type) || isUnionType(type)) {
      const resolveType = type.resolveType;
      // At once, not through type-graphql's async resolveType, which graphql-jit cannot wait for:
      // a compiled object names its type, a row is an instance of its type's class.
      type.resolveType = (value, ctx, info, abstractType) => {
        if (isCompiled(value)) return value.$t as string;
        const name = (value as object | null)?.constructor?.name;
        if (name && isObjectType(schema.getType(name))) return name;
        return resolveType ? resolveType(value, ctx, info, abstractType) : undefined;
      };
    }
  }

  const fields = query.getFields();
  const fallback = (resolve: Resolver): Resolver => (source, args, ctx, info) => {
    ctx.readFallbacks.count += 1;
    return resolve(source, args, ctx, info);
  };

  for (const name of names) {
    const field = fields[lowerFirst(name)];
    if (!field || !field.args.some((arg) => arg.name === 'id')) continue;
    field.resolve = async (_source, args: { id: string }, ctx: Context, info) => {
      const decoded = fromGlobalId(args.id);
      if (!decoded || decoded.typeName !== name) return null;
      const types = compiledTypes(ctx.db);
      return readOne(ctx, info, types, types.get(name)!, decoded.localId, info.fieldNodes);
    };
  }

  for (const [name, { entity, list }] of listQueries) {
    const field = fields[name];
    if (!field) continue;
    if (!names.has(entity.name)) {
      // Read by their resolvers: the count shows how much of the read path the compiler covers.
      for (const uncompiled of [field, fields[lowerFirst(entity.name)]]) if (uncompiled?.resolve) uncompiled.resolve = fallback(uncompiled.resolve as Resolver);
      continue;
    }
    const connection = field.type instanceof GraphQLObjectType ? field.type : (field.type as { ofType: GraphQLObjectType }).ofType;
    field.resolve = async (_source, args: { first?: number | null; after?: string | null; filter?: object | null; orderBy?: { field?: string; direction?: OrderDirection } | null }, ctx: Context, info) => {
      const window = pageWindow(args);
      const qb = ctx.db.getRepository(entity).createQueryBuilder('row');
      applyScope(entity, qb, ctx);
      if (args.filter) list.applyFilter(qb as never, args.filter, ctx);
      const property = list.orderColumn[args.orderBy?.field ?? list.defaultOrder];
      const [matching, params] = qb.select('row.id', 'id').addSelect(`row.${property}`, 'o').getQueryAndParameters();
      const types = compiledTypes(ctx.db);
      const type = types.get(entity.name)!;
      const build = newBuild(ctx, info, types);
      const direction = args.orderBy?.direction === OrderDirection.DESC ? 'DESC' : 'ASC';
      const sql = connectionStatement(build, type, connection, { matching, direction, offset: window.offset, limit: window.limit }, info.fieldNodes);
      return run(ctx, build, sql, params);
    };
  }

  const nodeField = fields.node;
  const nodesField = fields.nodes;
  if (nodeField) {
    const resolve = fallback(nodeField.resolve as Resolver);
    nodeField.resolve = (source, args: { id: string }, ctx: Context, info) => {
      const decoded = fromGlobalId(args.id);
      const types = compiledTypes(ctx.db);
      const type = decoded && types.get(decoded.typeName);
      return decoded && type ? readOne(ctx, info, types, type, decoded.localId, info.fieldNodes) : resolve(source, args, ctx, info);
    };
  }
  if (nodesField) {
    const resolve = fallback(nodesField.resolve as Resolver);
    nodesField.resolve = async (source, args: { ids: string[] }, ctx: Context, info) => {
      // The resolver refuses more IDs than it answers; answering only the first would drop the rest silently.
      if (args.ids.length > 100) return resolve(source, args, ctx, info);
      const ids = args.ids;
      const decoded = ids.map((id) => fromGlobalId(id));
      const types = compiledTypes(ctx.db);
      // An ID of a type the compiler does not know sends the whole list to the resolver.
      if (decoded.some((d) => d !== null && !types.has(d.typeName))) return resolve(source, args, ctx, info);
      if (ids.length === 0) return [];
      const build = newBuild(ctx, info, types);
      const items = decoded.map((d) => (d ? rowJson(build, types.get(d.typeName)!, d.localId, info.fieldNodes, 'NULL') : 'NULL'));
      return run(ctx, build, `SELECT json_build_array(${items.join(', ')}) AS r`);
    };
  }
  return schema;
}
