import { defaultFieldResolver, DocumentNode, FragmentDefinitionNode, GraphQLField, Kind, OperationDefinitionNode, OperationTypeNode, GraphQLFieldResolver, GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema, isInterfaceType, isObjectType, isUnionType } from 'graphql';
import { applyScope, denial } from '../core/access';
import { Context } from '../core/context';
import { listQueries } from '../core/crud';
import { fromGlobalId } from '../core/ids';
import { OrderDirection, pageWindow } from '../core/pagination';
import { collectFields } from 'graphql/execution/collectFields';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values';
import { readJson } from '../core/database';
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

/** What a root field's statement needs from graphql's `info`; the direct path builds it without graphql-jit. */
export type Selection = Pick<GraphQLResolveInfo, 'schema' | 'fragments' | 'variableValues' | 'fieldNodes'>;

function newBuild(ctx: Context, info: Selection, types: Map<string, CompiledType>, direct: boolean, params: unknown[] = []): Build {
  return { schema: info.schema, fragments: info.fragments, variables: info.variableValues, viewer: ctx.viewer, db: ctx.db, types, fallbacks: 0, next: 0, params, direct, indirect: false };
}

/**
 * How a compiled root field is answered: by a statement (`sql`, its JSON the field's value, or a
 * denial when `denied`), by a value known without SQL, or, when `plan` gives null, by its resolver.
 */
export type Plan = { sql: string; build: Build; denied: boolean } | { value: null | [] };
type Planner = (args: Record<string, unknown>, ctx: Context, info: Selection, direct: boolean) => Plan | null;

/** The planners of the root fields the compiler answers, for the direct path (see directAnswer). */
const planners = new WeakMap<GraphQLField<unknown, unknown>, Planner>();

/** The marker of a row the viewer may not read, as PostgreSQL writes it into the JSON text. */
export const DENIED_TEXT = '{"$denied":true}';

async function runPlan(ctx: Context, plan: Plan): Promise<unknown> {
  if ('value' in plan) return plan.value;
  ctx.readFallbacks.count += plan.build.fallbacks;
  const text = await readJson(ctx.db, plan.sql, plan.build.params);
  const value = text === null ? null : JSON.parse(text);
  if (plan.denied && isDenied(value)) throw denial(ctx);
  return value;
}

/** One row by global ID of the given type, as `pathway(id)` and `node(id)` answer it. */
function readOne(ctx: Context, info: Selection, types: Map<string, CompiledType>, type: CompiledType, localId: number, direct: boolean): Plan {
  const build = newBuild(ctx, info, types, direct);
  return { sql: `SELECT ${rowJson(build, type, localId, info.fieldNodes, DENIED)} AS r`, build, denied: true };
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
  /** The field answers by its plan; when the plan gives none, by `otherwise` (its resolver). */
  const install = (field: GraphQLField<unknown, Context>, plan: Planner, otherwise?: Resolver) => {
    planners.set(field as GraphQLField<unknown, unknown>, plan);
    field.resolve = (source, args, ctx: Context, info) => {
      const chosen = plan(args, ctx, info, false);
      return chosen ? runPlan(ctx, chosen) : otherwise!(source, args, ctx, info);
    };
  };
  const fallback = (resolve: Resolver): Resolver => (source, args, ctx, info) => {
    ctx.readFallbacks.count += 1;
    return resolve(source, args, ctx, info);
  };

  for (const name of names) {
    const field = fields[lowerFirst(name)];
    if (!field || !field.args.some((arg) => arg.name === 'id')) continue;
    install(field, (args, ctx, info, direct) => {
      const decoded = fromGlobalId(args.id as string);
      if (!decoded || decoded.typeName !== name) return { value: null };
      const types = compiledTypes(ctx.db);
      return readOne(ctx, info, types, types.get(name)!, decoded.localId, direct);
    });
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
    install(field, (given, ctx, info, direct) => {
      const args = given as { first?: number | null; after?: string | null; filter?: object | null; orderBy?: { field?: string; direction?: OrderDirection } | null };
      const window = pageWindow(args);
      const qb = ctx.db.getRepository(entity).createQueryBuilder('row');
      applyScope(entity, qb, ctx);
      if (args.filter) list.applyFilter(qb as never, args.filter, ctx);
      const property = list.orderColumn[args.orderBy?.field ?? list.defaultOrder];
      const [matching, params] = qb.select('row.id', 'id').addSelect(`row.${property}`, 'o').getQueryAndParameters();
      const types = compiledTypes(ctx.db);
      const type = types.get(entity.name)!;
      const build = newBuild(ctx, info, types, direct, [...params]);
      const direction = args.orderBy?.direction === OrderDirection.DESC ? 'DESC' : 'ASC';
      const sql = connectionStatement(build, type, connection, { matching, direction, offset: window.offset, limit: window.limit }, info.fieldNodes);
      return { sql, build, denied: false };
    });
  }

  const nodeField = fields.node;
  const nodesField = fields.nodes;
  if (nodeField) {
    install(nodeField, (args, ctx, info, direct) => {
      const decoded = fromGlobalId(args.id as string);
      const types = compiledTypes(ctx.db);
      const type = decoded && types.get(decoded.typeName);
      return decoded && type ? readOne(ctx, info, types, type, decoded.localId, direct) : null;
    }, fallback(nodeField.resolve as Resolver));
  }
  if (nodesField) {
    install(nodesField, (args, ctx, info, direct) => {
      const ids = args.ids as string[];
      // The resolver refuses more IDs than it answers; answering only the first would drop the rest silently.
      if (ids.length > 100) return null;
      const decoded = ids.map((id) => fromGlobalId(id));
      const types = compiledTypes(ctx.db);
      // An ID of a type the compiler does not know sends the whole list to the resolver.
      if (decoded.some((d) => d !== null && !types.has(d.typeName))) return null;
      if (ids.length === 0) return { value: [] };
      const build = newBuild(ctx, info, types, direct);
      const items = decoded.map((d) => (d ? rowJson(build, types.get(d.typeName)!, d.localId, info.fieldNodes, 'NULL') : 'NULL'));
      return { sql: `SELECT json_build_array(${items.join(', ')}) AS r`, build, denied: false };
    }, fallback(nodesField.resolve as Resolver));
  }
  return schema;
}

/** A document's fragments by name, and its operations by name ('' for the only one). */
const documents = new WeakMap<DocumentNode, { fragments: Record<string, FragmentDefinitionNode>; operations: Map<string, OperationDefinitionNode> }>();
function partsOf(document: DocumentNode) {
  let parts = documents.get(document);
  if (!parts) {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    const operations = new Map<string, OperationDefinitionNode>();
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
      else if (definition.kind === Kind.OPERATION_DEFINITION) operations.set(definition.name?.value ?? '', definition);
    }
    if (operations.size === 1) operations.set('', [...operations.values()][0]);
    documents.set(document, (parts = { fragments, operations }));
  }
  return parts;
}

/** A query operation that compiled statements answer whole, planned but not yet run (see planDirectAnswer). */
export interface DirectPlan {
  /** Each root field's JSON text by response key, or null when a row the viewer may not read needs the executor's error. */
  run(): Promise<Map<string, string | null> | null>;
}

/**
 * Plans the answer of a query operation straight from PostgreSQL, when compiled statements
 * answer all of it: null, before any statement runs, whenever the executor must answer instead
 * (a root field or a field inside that is not compiled, variables that do not coerce).
 */
export function planDirectAnswer(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  ctx: Context,
  inputs: Record<string, unknown> | undefined,
): DirectPlan | null {
  const { fragments, operations } = partsOf(document);
  const operation = operations.get(operationName ?? '');
  const query = schema.getQueryType();
  if (!operation || operation.operation !== OperationTypeNode.QUERY || !query) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], inputs ?? {}, { maxErrors: 1 });
  if (coerced.errors) return null;
  const variableValues = coerced.coerced;
  const roots = collectFields(schema, fragments, variableValues, query, operation.selectionSet);
  const plans: [string, Plan][] = [];
  for (const [key, fieldNodes] of roots) {
    const field = query.getFields()[fieldNodes[0].name.value];
    const planner = field && planners.get(field as GraphQLField<unknown, unknown>);
    if (!planner) return null;
    let plan: Plan | null;
    try {
      plan = planner(getArgumentValues(field, fieldNodes[0], variableValues), ctx, { schema, fragments, variableValues, fieldNodes }, true);
    } catch {
      return null;
    }
    if (!plan || ('build' in plan && plan.build.indirect)) return null;
    plans.push([key, plan]);
  }
  return {
    async run() {
      const texts = await Promise.all(plans.map(([, plan]) => ('value' in plan ? (plan.value === null ? null : JSON.stringify(plan.value)) : readJson(ctx.db, plan.sql, plan.build.params))));
      if (texts.some((text) => text !== null && text.includes(DENIED_TEXT))) return null;
      return new Map(plans.map(([key], i) => [key, texts[i]]));
    },
  };
}

/**
 * The answer of a query operation straight from PostgreSQL, when compiled statements answer all
 * of it: each root field's JSON text, by response key, to be sent as it is (no JSON.parse, no
 * graphql-jit, no JSON.stringify of the data). Null whenever the executor must answer instead,
 * before any statement runs (see planDirectAnswer) or after (a row the viewer may not read, whose
 * error the executor gives).
 */
export async function directAnswer(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  ctx: Context,
  inputs: Record<string, unknown> | undefined,
): Promise<Map<string, string | null> | null> {
  const plan = planDirectAnswer(schema, document, operationName, ctx, inputs);
  return plan ? plan.run() : null;
}
