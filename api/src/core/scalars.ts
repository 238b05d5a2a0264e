import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { ValueTransformer } from 'typeorm';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2999) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function parseDate(value: unknown): string {
  if (!isIsoDate(value)) {
    throw new GraphQLError('A Date is a calendar date written YYYY-MM-DD between 1900 and 2999', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/**
 * A calendar date without time or zone, as YYYY-MM-DD. Dates in this domain (award dates,
 * agreement terms, `asOf`) are calendar days; a timestamp would shift them across zones.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : parseDate(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseUuid(value: unknown): string {
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw new GraphQLError('A UUID is 32 hexadecimal digits in groups of 8-4-4-4-12, such as 6f1c2a4e-93b5-4d0e-8f7a-2b9c1d3e4f50', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value.toLowerCase();
}

/**
 * A UUID (RFC 9562), in any case, answered in lower case. An argument that is not one is refused
 * as BAD_USER_INPUT when the request is read, rather than reaching PostgreSQL's uuid type and
 * failing there.
 */
export const UuidScalar = new GraphQLScalarType<string, string>({
  name: 'UUID',
  description: 'A UUID written as 32 hexadecimal digits in groups of 8-4-4-4-12; compared without regard to case.',
  serialize: (value) => parseUuid(value),
  parseValue: parseUuid,
  parseLiteral: (ast) => parseUuid(ast.kind === Kind.STRING ? ast.value : undefined),
});

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** PostgreSQL `numeric` arrives as a string; the domain works in numbers. */
export const numeric: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? value : Number(value)),
};
