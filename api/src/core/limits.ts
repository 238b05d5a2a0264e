import { ApolloServerPlugin, BaseContext, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLCompositeType,
  GraphQLError,
  GraphQLField,
  GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValueNode,
} from 'graphql';
import { listBound, listBoundsGeneration } from './list-bounds';
import { rawJson, rawTexts } from './raw-answer';

function limitFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

/** What one request may ask for; each can be changed through the environment. */
export const limits = {
  maxDepth: limitFromEnv('GRAPHQL_MAX_DEPTH', 12),
  maxCost: limitFromEnv('GRAPHQL_MAX_COST', 50000),
  maxAliases: limitFromEnv('GRAPHQL_MAX_ALIASES', 30),
  maxFragmentSpreads: limitFromEnv('GRAPHQL_MAX_FRAGMENT_SPREADS', 100),
  maxTokens: limitFromEnv('GRAPHQL_MAX_TOKENS', 5000),
  maxBodyBytes: limitFromEnv('GRAPHQL_MAX_BODY_BYTES', 1_000_000),
  maxResponseBytes: limitFromEnv('GRAPHQL_MAX_RESPONSE_BYTES', 10_000_000),
};

/** Page size of a connection whose `first` is omitted, and of one whose `first` cannot be read. */
const DEFAULT_PAGE = 20;
const LARGEST_PAGE = 100;

function refused(message: string, code: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions, http: { status: 400 } } });
}

const isIntrospectionField = (name: string) => name === '__schema' || name === '__type';

/** What a document's shape is, whatever its variables: measured once per parsed document. */
interface Shape {
  depth: number;
  aliases: number;
  fragmentSpreads: number;
}

const shapes = new WeakMap<DocumentNode, Map<OperationDefinitionNode, Shape>>();

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
}

/**
 * Depth, aliases and fragment spreads of one operation, in time linear in the document: each
 * fragment's depth is measured once and reused wherever it is spread. The fields under
 * `__schema` and `__type` do not count toward depth (the standard introspection query is deeper
 * than any data query needs); graphql-js's MaxIntrospectionDepthRule already bounds them.
 */
function shapeOf(document: DocumentNode, operation: OperationDefinitionNode): Shape {
  let byOperation = shapes.get(document);
  if (!byOperation) shapes.set(document, (byOperation = new Map()));
  const known = byOperation.get(operation);
  if (known) return known;

  const fragments = fragmentsOf(document);
  const fragmentDepth = new Map<string, number>();
  const inProgress = new Set<string>();
  const depthOf = (selectionSet: SelectionSetNode | undefined): number => {
    let deepest = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        deepest = Math.max(deepest, isIntrospectionField(selection.name.value) ? 1 : 1 + depthOf(selection.selectionSet));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet));
      } else {
        deepest = Math.max(deepest, spreadDepth(selection.name.value));
      }
    }
    return deepest;
  };
  const spreadDepth = (name: string): number => {
    const cached = fragmentDepth.get(name);
    if (cached !== undefined) return cached;
    // Validation refuses cycles before this runs; meeting one here is a fault, never a pass.
    if (inProgress.has(name)) throw new Error(`fragment ${name} spreads itself`);
    inProgress.add(name);
    const depth = depthOf(fragments.get(name)?.selectionSet);
    inProgress.delete(name);
    fragmentDepth.set(name, depth);
    return depth;
  };

  let aliases = 0;
  let fragmentSpreads = 0;
  const count = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        fragmentSpreads += 1;
        continue;
      }
      if (selection.kind === Kind.FIELD && selection.alias) aliases += 1;
      count(selection.selectionSet);
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) count(definition.selectionSet);
  }

  const shape = { depth: depthOf(operation.selectionSet), aliases, fragmentSpreads };
  byOperation.set(operation, shape);
  return shape;
}

/**
 * What introspection costs: `__schema` one point for each element of the schema it can describe
 * (types, fields, arguments, enum values, input fields, directives), `__type` the elements of the
 * largest type. Computed once per schema.
 */
const introspectionCosts = new WeakMap<GraphQLSchema, { schema: number; type: number }>();
function introspectionCost(schema: GraphQLSchema): { schema: number; type: number } {
  const known = introspectionCosts.get(schema);
  if (known) return known;
  let total = schema.getDirectives().reduce((sum, directive) => sum + 1 + directive.args.length, 0);
  let largest = 1;
  for (const type of Object.values(schema.getTypeMap())) {
    let elements = 1;
    if ('getFields' in type) {
      for (const field of Object.values(type.getFields())) elements += 1 + ('args' in field ? field.args.length : 0);
    }
    if ('getValues' in type) elements += type.getValues().length;
    total += elements;
    largest = Math.max(largest, elements);
  }
  const costs = { schema: total, type: largest };
  introspectionCosts.set(schema, costs);
  return costs;
}

function intValue(node: ValueNode | undefined, variables: Record<string, unknown>): number | undefined {
  if (!node) return undefined;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const value = variables[node.name.value];
    return value === undefined || value === null ? undefined : typeof value === 'number' && Number.isInteger(value) ? value : NaN;
  }
  return NaN;
}

/** `first` as the request gives it: omitted is the default page, anything unreadable the largest. */
function pageSize(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): number {
  const given = intValue(node.arguments?.find((arg) => arg.name.value === 'first')?.value, variables);
  const size = given ?? (field.args.find((arg) => arg.name === 'first')?.defaultValue as number | undefined) ?? DEFAULT_PAGE;
  return Number.isInteger(size) && size >= 0 ? Math.min(size, LARGEST_PAGE) : LARGEST_PAGE;
}

/** How many items a list field can return: its `ids` argument's length, else the bound declared or measured for it. */
function itemsBound(parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): number {
  const ids = node.arguments?.find((arg) => arg.name.value === 'ids')?.value;
  if (ids?.kind === Kind.LIST) return ids.values.length;
  if (ids?.kind === Kind.VARIABLE) {
    const value = variables[ids.name.value];
    return Array.isArray(value) ? value.length : 1;
  }
  return listBound(parent.name, field.name);
}

/**
 * What an operation costs, an upper bound on the fields its answer can hold: each field 1; a
 * connection (a field with `first`) its page size times what each item costs; any other list its
 * bound (measured in the data or declared, see list-bounds.ts) times what each item costs; an
 * introspection root field what the schema can describe. Every branch of a fragment and every
 * field under @skip/@include is counted. Linear in the document: each fragment is costed once.
 */
export function costOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number {
  const fragments = fragmentsOf(document);
  const fragmentCosts = new Map<string, number>();
  const inProgress = new Set<string>();
  const introspection = introspectionCost(schema);

  const selectionCost = (selectionSet: SelectionSetNode | undefined, parent: GraphQLCompositeType): number => {
    let total = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, parent);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += selectionCost(selection.selectionSet, selection.typeCondition ? compositeType(selection.typeCondition.name.value) : parent);
      } else {
        total += spreadCost(selection.name.value);
      }
    }
    return total;
  };
  const fieldCost = (node: FieldNode, parent: GraphQLCompositeType): number => {
    const name = node.name.value;
    if (name === '__typename') return 0;
    if (name === '__schema') return introspection.schema;
    if (name === '__type') return introspection.type;
    if (!isObjectType(parent) && !isInterfaceType(parent)) throw new Error(`${parent.name} has no field ${name}`);
    const field = parent.getFields()[name];
    if (!field) throw new Error(`${parent.name} has no field ${name}`);
    const itemType = getNamedType(field.type);
    // A list of scalars is one value; its size is bounded by the row it comes from.
    if (!node.selectionSet || !isCompositeType(itemType)) return 1;
    const each = Math.max(selectionCost(node.selectionSet, itemType), 1);
    if (field.args.some((arg) => arg.name === 'first')) return 1 + pageSize(field, node, variables) * each;
    if (isListType(getNullableType(field.type))) return 1 + itemsBound(parent, field, node, variables) * each;
    return 1 + each;
  };
  const spreadCost = (name: string): number => {
    const cached = fragmentCosts.get(name);
    if (cached !== undefined) return cached;
    if (inProgress.has(name)) throw new Error(`fragment ${name} spreads itself`);
    const fragment = fragments.get(name);
    if (!fragment) throw new Error(`unknown fragment ${name}`);
    inProgress.add(name);
    const cost = selectionCost(fragment.selectionSet, compositeType(fragment.typeCondition.name.value));
    inProgress.delete(name);
    fragmentCosts.set(name, cost);
    return cost;
  };
  const compositeType = (name: string): GraphQLCompositeType => {
    const type = schema.getType(name);
    if (!type || !isCompositeType(type)) throw new Error(`unknown type ${name}`);
    return type;
  };

  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) throw new Error(`the schema has no ${operation.operation} type`);
  return Math.max(1, selectionCost(operation.selectionSet, root));
}

/** Variables whose values change an operation's cost: those given as `first` or `ids`, anywhere in its document. */
const costingVariables = new WeakMap<OperationDefinitionNode, string[]>();
function variablesThatCost(document: DocumentNode, operation: OperationDefinitionNode): string[] {
  const known = costingVariables.get(operation);
  if (known) return known;
  const names = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        for (const arg of selection.arguments ?? []) {
          if ((arg.name.value === 'first' || arg.name.value === 'ids') && arg.value.kind === Kind.VARIABLE) names.add(arg.value.name.value);
        }
      }
      if (selection.kind !== Kind.FRAGMENT_SPREAD) visit(selection.selectionSet);
    }
  };
  for (const definition of document.definitions) {
    if (definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition.selectionSet);
  }
  const sorted = [...names].sort();
  costingVariables.set(operation, sorted);
  return sorted;
}

/** How many variable combinations of one operation keep their cost; past this the operation's costs start over. */
const COSTS_PER_OPERATION = 64;
interface KnownCosts {
  generation: number;
  byVariables: Map<string, number>;
}
const costs = new WeakMap<OperationDefinitionNode, KnownCosts>();
const requestCosts = new WeakMap<object, number>();

/**
 * What an operation costs with these variables, kept per operation and keyed by the values of the
 * variables it depends on (page sizes and ID lists), until the list bounds change: a popular
 * query is analysed once, not on every request. Throws when the analysis fails.
 */
export function variablesCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number {
  const key = JSON.stringify(variablesThatCost(document, operation).map((name) => variables[name] ?? null));
  let known = costs.get(operation);
  if (!known || known.generation !== listBoundsGeneration() || known.byVariables.size >= COSTS_PER_OPERATION) {
    known = { generation: listBoundsGeneration(), byVariables: new Map() };
    costs.set(operation, known);
  }
  const cost = known.byVariables.get(key) ?? costOf(schema, document, operation, variables);
  known.byVariables.set(key, cost);
  return cost;
}

/**
 * What an operation costs, for the query limit and the rate limits. Apollo's document store hands
 * back the same parsed document for the same query text, so the cost is kept per operation (see
 * variablesCost). An analysis that fails refuses the operation (QUERY_ANALYSIS_FAILED): a limit
 * is never skipped.
 */
export function operationCost<TContext extends BaseContext>({ request, document, schema, operation }: GraphQLRequestContextDidResolveOperation<TContext>): number {
  const forRequest = requestCosts.get(request);
  if (forRequest !== undefined) return forRequest;
  let cost: number;
  try {
    if (!operation) throw new Error('no operation');
    cost = variablesCost(schema, document, operation, request.variables ?? {});
  } catch {
    throw refused('The query could not be analysed, so it is not run', 'QUERY_ANALYSIS_FAILED');
  }
  requestCosts.set(request, cost);
  return cost;
}

/**
 * Refuses an operation before it runs when it is too deep, uses too many aliases or fragment
 * spreads, or costs too much (see costOf). Introspection is costed like everything else, so
 * college developers' tools work and cannot be used to flood the server.
 */
export function queryLimitsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          const { document, operation } = requestContext;
          // Apollo answers a document without the named operation before this hook.
          if (!operation) return;
          let shape: Shape;
          try {
            shape = shapeOf(document, operation);
          } catch {
            throw refused('The query could not be analysed, so it is not run', 'QUERY_ANALYSIS_FAILED');
          }
          if (shape.fragmentSpreads > limits.maxFragmentSpreads) {
            throw refused(`The query spreads fragments ${shape.fragmentSpreads} times; at most ${limits.maxFragmentSpreads} are allowed`, 'TOO_MANY_FRAGMENT_SPREADS', { fragmentSpreads: shape.fragmentSpreads, limit: limits.maxFragmentSpreads });
          }
          if (shape.depth > limits.maxDepth) throw refused(`The query is ${shape.depth} levels deep; at most ${limits.maxDepth} are allowed`, 'QUERY_TOO_DEEP', { depth: shape.depth, limit: limits.maxDepth });
          if (shape.aliases > limits.maxAliases) throw refused(`The query uses ${shape.aliases} aliases; at most ${limits.maxAliases} are allowed`, 'TOO_MANY_ALIASES', { aliases: shape.aliases, limit: limits.maxAliases });
          const cost = operationCost(requestContext);
          if (cost > limits.maxCost) throw refused(`The query would cost ${cost}; at most ${limits.maxCost} is allowed`, 'QUERY_TOO_COSTLY', { cost, limit: limits.maxCost });
        },
      };
    },
  };
}

/**
 * The answer as JSON, or, past GRAPHQL_MAX_RESPONSE_BYTES, a RESPONSE_TOO_LARGE error in its
 * place: a backstop behind the cost limit, for answers whose items are larger than their count says.
 */
export function responseJson(result: unknown): string {
  const texts = rawTexts((result as { data?: unknown } | null)?.data);
  const json = texts ? rawJson(result as Record<string, unknown>, texts) : JSON.stringify(result);
  // UTF-8 takes at most three bytes per UTF-16 unit, so most answers need no byte count.
  if (json.length * 3 <= limits.maxResponseBytes) return json;
  const bytes = Buffer.byteLength(json);
  if (bytes <= limits.maxResponseBytes) return json;
  return JSON.stringify({
    errors: [
      {
        message: `The answer would be ${bytes} bytes; at most ${limits.maxResponseBytes} are sent. Ask for fewer items or fields.`,
        extensions: { code: 'RESPONSE_TOO_LARGE', bytes, limit: limits.maxResponseBytes },
      },
    ],
  });
}
