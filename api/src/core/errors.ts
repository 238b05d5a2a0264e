import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLError } from 'graphql';

export enum ErrorCode {
  INVALID = 'INVALID',
  REQUIRED = 'REQUIRED',
  TOO_LONG = 'TOO_LONG',
  OUT_OF_RANGE = 'OUT_OF_RANGE',
  INVALID_ID = 'INVALID_ID',
  NOT_FOUND = 'NOT_FOUND',
  TAKEN = 'TAKEN',
  IN_USE = 'IN_USE',
  CONSTRAINT = 'CONSTRAINT',
  CONFLICT = 'CONFLICT',
  INVALID_STATE = 'INVALID_STATE',
  FROZEN = 'FROZEN',
  CYCLE = 'CYCLE',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  ROLE_NOT_ALLOWED = 'ROLE_NOT_ALLOWED',
  NOT_READY = 'NOT_READY',
  OPEN_CHANGE_REQUEST = 'OPEN_CHANGE_REQUEST',
  AWARD_DATE_IN_FUTURE = 'AWARD_DATE_IN_FUTURE',
}
registerEnumType(ErrorCode, {
  name: 'ErrorCode',
  description: 'Why a mutation refused its input.',
  valuesConfig: {
    INVALID: { description: 'The value is not valid for its field (wrong format, a rule between fields, text that cannot be stored).' },
    REQUIRED: { description: 'A value is required here and was missing or empty.' },
    TOO_LONG: { description: 'A text or list is longer than its field allows.' },
    OUT_OF_RANGE: { description: 'A number or date is outside what the field allows (for example a negative credit value, or an end before the start).' },
    INVALID_ID: { description: 'The global ID is malformed or names a record of the wrong type.' },
    NOT_FOUND: { description: 'No record has the given ID, or a record the input refers to does not exist.' },
    TAKEN: { description: 'The value must be unique and is already used (a code, an email, a level given twice).' },
    IN_USE: { description: 'The record cannot be deleted while other records refer to it.' },
    CONSTRAINT: { description: 'Not produced at present; kept so older clients still parse. Treat it like INVALID.' },
    CONFLICT: { description: 'Someone else changed the record first (expectedRevision is stale) or at the same moment; reload and try again.' },
    INVALID_STATE: { description: 'The record\'s status does not allow this now (for example a claim already decided, an award already revoked).' },
    FROZEN: { description: 'The pathway version is published or retired and never changes; start a revision to edit it.' },
    CYCLE: { description: 'The change would make something depend on itself (a prerequisite or competency parent loop).' },
    INVALID_CREDENTIALS: { description: 'The email or password is wrong (login does not say which).' },
    ROLE_NOT_ALLOWED: { description: 'The viewer\'s role or organisation may not take this step (for example only a validator partner approves).' },
    NOT_READY: { description: 'pathwayPublish: the version fails a publish check; one error per unmet check, as publishReadiness lists them.' },
    AWARD_DATE_IN_FUTURE: { description: 'The award date is after today; say planned: true for an award not yet earned.' },
    OPEN_CHANGE_REQUEST: { description: 'A change request on this version is still open: resolve it (done, answered or won\'t do) first.' },
  },
});

@ObjectType({ description: 'An expected failure of a mutation, tied to the input field that caused it.' })
export class UserError {
  @Field(() => [String], { nullable: true, description: 'Path to the input field, e.g. ["input", "name"]; null when the error concerns the whole input.' })
  field: string[] | null;

  @Field(() => String, { description: 'What is wrong, in English, ready to show next to the field.' })
  message: string;

  @Field(() => ErrorCode, { description: 'The kind of failure, stable for clients to branch on.' })
  code: ErrorCode;
}

export function userError(field: string[] | null, message: string, code: ErrorCode): UserError {
  return Object.assign(new UserError(), { field, message, code });
}

/**
 * Thrown by services for expected failures. The mutation runner rolls the transaction back and
 * returns the errors in the payload, so nothing is half-written.
 */
export class UserInputFailure extends Error {
  constructor(readonly userErrors: UserError[]) {
    super(userErrors.map((e) => e.message).join('; '));
    this.name = 'UserInputFailure';
  }

  static of(field: string[] | null, message: string, code: ErrorCode): UserInputFailure {
    return new UserInputFailure([userError(field, message, code)]);
  }
}

/** Top-level error codes: authorization and faults, never bad input. */
export function forbidden(): GraphQLError {
  return new GraphQLError('Not allowed', { extensions: { code: 'FORBIDDEN' } });
}

export function unauthenticated(): GraphQLError {
  return new GraphQLError('Sign in first', { extensions: { code: 'UNAUTHENTICATED' } });
}

const snakeToCamel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

interface PgErrorLike {
  code?: string;
  detail?: string;
  constraint?: string;
  column?: string;
}

/**
 * Turns a PostgreSQL integrity violation into a user error on the input field it concerns.
 * Check constraints are named `ck_<table>__<column>[_<rule>]` in the migrations so the field can
 * be named; foreign-key and unique violations name their columns in the error detail.
 */
export function userErrorFromDatabase(error: unknown, inputPath = 'input'): UserError | null {
  const pg = ((error as { driverError?: PgErrorLike }).driverError ?? error) as PgErrorLike;
  if (!pg || typeof pg.code !== 'string') return null;
  const columnsFromDetail = () => {
    const match = /^Key \(([^)]+)\)/.exec(pg.detail ?? '');
    return match ? match[1].split(',').map((c) => c.trim().replace(/"/g, '')) : [];
  };
  const fieldFor = (column: string | undefined) => (column ? [inputPath, snakeToCamel(column)] : null);
  switch (pg.code) {
    case '23505': {
      const columns = columnsFromDetail();
      const last = columns[columns.length - 1];
      return userError(fieldFor(last), `That ${columns.map(snakeToCamel).join(' and ') || 'value'} is already taken`, ErrorCode.TAKEN);
    }
    // PostgreSQL 18 reports a row that ON DELETE RESTRICT keeps as restrict_violation; 15 to 17 as a foreign key violation.
    case '23001':
      return userError(null, 'Other records still refer to this one', ErrorCode.IN_USE);
    case '23503': {
      const columns = columnsFromDetail();
      if (/is still referenced/.test(pg.detail ?? '')) {
        return userError(null, 'Other records still refer to this one', ErrorCode.IN_USE);
      }
      return userError(fieldFor(columns[0]), 'The referenced record does not exist', ErrorCode.NOT_FOUND);
    }
    case '23514': {
      const column = /__([a-z0-9_]+)$/.exec(pg.constraint ?? '')?.[1];
      // The field names the input; the constraint's name is internal and stays out of the answer.
      return userError(fieldFor(column), 'The value is outside what is allowed', ErrorCode.OUT_OF_RANGE);
    }
    case '23502':
      return userError(fieldFor(pg.column), 'A value is required', ErrorCode.REQUIRED);
    case '40P01':
    case '40001':
      // Two transactions collided on the same rows and PostgreSQL rolled this one back.
      return userError(null, 'Someone else was changing the same records at the same moment: try again', ErrorCode.CONFLICT);
    case '22001':
      return userError(null, 'A value is too long', ErrorCode.TOO_LONG);
    case '22P02':
      // Text PostgreSQL cannot parse as its type, such as an unpaired surrogate in a JSON value.
      return userError(null, 'A value is not valid for its type', ErrorCode.INVALID);
    case '22021':
      // PostgreSQL text cannot hold U+0000, which JSON strings can.
      return userError(null, 'A value contains a character that cannot be stored (U+0000)', ErrorCode.INVALID);
    case '22003':
    case '22008':
    case '22007':
      return userError(null, 'A value is out of range', ErrorCode.OUT_OF_RANGE);
    default:
      return null;
  }
}
