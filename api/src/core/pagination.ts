import { ArgsType, ClassType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLError } from 'graphql';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { config } from './config';
import { isPublicClass, PublicData } from './public-data';

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Which way a list is sorted.',
  valuesConfig: { ASC: { description: 'Smallest or earliest first.' }, DESC: { description: 'Largest or latest first.' } },
});

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `How many to return, 1 to ${config.maxPageSize}; ${config.defaultPageSize} when omitted.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor.' })
  after?: string | null;
}

@PublicData()
@ObjectType({ description: 'Where a page sits in its connection (Relay cursor connections).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more items follow this page: ask again with `after: endCursor`.' })
  hasNextPage: boolean;

  @Field(() => Boolean, { description: 'Whether items come before this page.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item; null on an empty page.' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; null on an empty page.' })
  endCursor: string | null;
}

const ORDER_WORDS: Record<string, string> = {
  CREATED_AT: 'creation time',
  UPDATED_AT: 'time of the last change',
  SOC_CODE: 'SOC code',
  REVIEW_DUE_ON: 'review due date',
  EFFECTIVE_FROM: 'first day in effect',
  EFFECTIVE_TO: 'last day in effect',
  MEDIAN_ANNUAL_WAGE: 'median annual wage (USD)',
};

/** Registers a list's sort-field enum, each value described by what it sorts by. */
export function registerOrderFieldEnum(values: Record<string, string>, name: string, typeName: string): void {
  registerEnumType(values, {
    name,
    description: `What a list of ${typeName} can be sorted by.`,
    valuesConfig: Object.fromEntries(Object.keys(values).map((key) => [key, { description: `By ${ORDER_WORDS[key] ?? key.toLowerCase().replace(/_/g, ' ')}.` }])),
  });
}

/** Cursors name a position in the connection's stable order. */
export function encodeCursor(position: number): string {
  return Buffer.from(`cursor:${position}`, 'utf8').toString('base64url');
}

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

export function decodeCursor(cursor: string): number {
  const match = /^cursor:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badInput('`after` is not a cursor from this connection');
  return Number(match[1]);
}

export interface PageWindow {
  offset: number;
  limit: number;
}

export function pageWindow(args: PageArgs): PageWindow {
  const first = args.first ?? config.defaultPageSize;
  if (!Number.isInteger(first) || first < 1 || first > config.maxPageSize) {
    throw badInput(`\`first\` must be between 1 and ${config.maxPageSize}`);
  }
  const offset = args.after ? decodeCursor(args.after) + 1 : 0;
  return { offset, limit: first };
}

/** The shape every connection shares; `totalCount` runs its COUNT only when a client asks for it. */
export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount(): Promise<number>;
}

export function buildConnection<T>(rows: T[], window: PageWindow, count: () => Promise<number>): ConnectionShape<T> {
  const hasNextPage = rows.length > window.limit;
  const page = hasNextPage ? rows.slice(0, window.limit) : rows;
  const edges = page.map((node, index) => ({ cursor: encodeCursor(window.offset + index), node }));
  const pageInfo = Object.assign(new PageInfo(), {
    hasNextPage,
    hasPreviousPage: window.offset > 0,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  });
  return { edges, nodes: page, pageInfo, totalCount: count };
}

/** Runs a list query as one page in a stable order (the requested column, then id). */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  args: PageArgs,
  orderColumn: string,
  direction: OrderDirection = OrderDirection.ASC,
): Promise<ConnectionShape<T>> {
  const window = pageWindow(args);
  const alias = qb.alias;
  const counter = qb.clone();
  const rows = await qb
    .orderBy(`${alias}.${orderColumn}`, direction)
    .addOrderBy(`${alias}.id`, direction)
    .offset(window.offset)
    .limit(window.limit + 1)
    .getMany();
  return buildConnection(rows, window, () => counter.getCount());
}

const connectionTypes = new Map<string, ClassType>();

/** `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name = nodeType.name): ClassType<ConnectionShape<T>> {
  const existing = connectionTypes.get(name);
  if (existing) return existing as ClassType<ConnectionShape<T>>;

  @ObjectType(`${name}Edge`, { description: `A ${name} in a page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: 'Pass as `after` to start the next page after this item.' })
    cursor: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} records (a Relay cursor connection).` })
  class Connection {
    @Field(() => [Edge], { description: 'The page\'s items with their cursors.' })
    edges: Edge[];

    @Field(() => [nodeType], { description: 'The page\'s items, when no cursors are needed.' })
    nodes: T[];

    @Field(() => PageInfo, { description: 'Whether pages come before or after this one, and the cursors to ask for them.' })
    pageInfo: PageInfo;

    /** Runs the COUNT only when a client selects it; the value carries the query (buildConnection). */
    @Field(() => Int, { description: 'How many items match, across all pages.' })
    totalCount(): Promise<number> {
      throw new Error('connection values come from buildConnection');
    }
  }

  if (isPublicClass(nodeType)) {
    PublicData()(Edge);
    PublicData()(Connection);
  }
  connectionTypes.set(name, Connection);
  return Connection as unknown as ClassType<ConnectionShape<T>>;
}
