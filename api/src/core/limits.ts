import { ApolloServerPlugin, BaseContext, GraphQLRequest, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { DocumentNode, FragmentDefinitionNode, GraphQLError, Kind, SelectionSetNode } from 'graphql';
import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

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
  maxTokens: limitFromEnv('GRAPHQL_MAX_TOKENS', 5000),
  maxBodyBytes: limitFromEnv('GRAPHQL_MAX_BODY_BYTES', 1_000_000),
};

function refused(message: string, code: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions, http: { status: 400 } } });
}

/** Deepest field nesting of a selection, following fragments (each fragment at most once per path). */
function depthOf(selectionSet: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string> = new Set()): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, fragments, seen));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, seen));
    } else if (!seen.has(selection.name.value)) {
      const fragment = fragments.get(selection.name.value);
      deepest = Math.max(deepest, depthOf(fragment?.selectionSet, fragments, new Set([...seen, selection.name.value])));
    }
  }
  return deepest;
}

function aliasCount(document: DocumentNode): number {
  let count = 0;
  const visit = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD && selection.alias) count += 1;
      if (selection.kind !== Kind.FRAGMENT_SPREAD) visit(selection.selectionSet);
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition.selectionSet);
  }
  return count;
}

/** A list field's cost is its page size (`first`, 20 when omitted) times what each item costs. */
const pageEstimator: ComplexityEstimator = ({ args, field, childComplexity }) => {
  if (!field.args.some((arg) => arg.name === 'first')) return undefined;
  const first = typeof args.first === 'number' ? args.first : 20;
  return 1 + first * Math.max(childComplexity, 1);
};

const costs = new WeakMap<GraphQLRequest, number | null>();

/**
 * What an operation costs (each field 1, lists their page size times their items), computed once
 * per request for the query limit and the rate limits. Null for introspection, which is exempt,
 * and for variables that do not fit the operation, which execution reports as BAD_USER_INPUT.
 */
export function operationCost<TContext extends BaseContext>({ request, document, schema, operation }: GraphQLRequestContextDidResolveOperation<TContext>): number | null {
  if (costs.has(request)) return costs.get(request)!;
  let cost: number | null = null;
  const introspection = !operation || operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'));
  if (!introspection) {
    try {
      cost = getComplexity({
        schema,
        query: document,
        operationName: request.operationName ?? undefined,
        variables: request.variables ?? {},
        estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
      });
    } catch {
      cost = null;
    }
  }
  costs.set(request, cost);
  return cost;
}

/**
 * Refuses an operation before it runs when it is too deep, too costly (each field costs 1, lists
 * cost their page size times their items) or uses too many aliases. Introspection is exempt
 * from the cost limit, so college developers' tools keep working.
 */
export function queryLimitsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          const { document, operation } = requestContext;
          if (!operation) return;
          const fragments = new Map(
            document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
          );
          const depth = depthOf(operation.selectionSet, fragments);
          if (depth > limits.maxDepth) throw refused(`The query is ${depth} levels deep; at most ${limits.maxDepth} are allowed`, 'QUERY_TOO_DEEP', { depth, limit: limits.maxDepth });
          const aliases = aliasCount(document);
          if (aliases > limits.maxAliases) throw refused(`The query uses ${aliases} aliases; at most ${limits.maxAliases} are allowed`, 'TOO_MANY_ALIASES', { aliases, limit: limits.maxAliases });
          const cost = operationCost(requestContext);
          if (cost === null) return;
          if (cost > limits.maxCost) throw refused(`The query would cost ${cost}; at most ${limits.maxCost} is allowed`, 'QUERY_TOO_COSTLY', { cost, limit: limits.maxCost });
        },
      };
    },
  };
}
