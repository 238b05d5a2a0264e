import 'reflect-metadata';
import { validate, ValidationError } from 'class-validator';
import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, visit } from 'graphql';
import { ErrorCode, UserError, UserInputFailure, userError } from './errors';
import { fromGlobalId } from './ids';
import { validationMessageInWords } from './wording';

const REFERENCES = Symbol('pathforge:references');

/**
 * Marks an input property as a global ID of the given type(s). `decodeInput` turns it into the
 * row id, or fails with INVALID_ID on that field when it names something else.
 */
export function RefersTo(...typeNames: string[]): PropertyDecorator {
  return (target, property) => {
    const existing: Record<string, string[]> = Reflect.getMetadata(REFERENCES, target) ?? {};
    Reflect.defineMetadata(REFERENCES, { ...existing, [property as string]: typeNames }, target);
  };
}

function referencesOf(input: object): Record<string, string[]> {
  return Reflect.getMetadata(REFERENCES, Object.getPrototypeOf(input)) ?? {};
}

const CODE_BY_CONSTRAINT: Record<string, ErrorCode> = {
  isNotEmpty: ErrorCode.REQUIRED,
  isDefined: ErrorCode.REQUIRED,
  arrayNotEmpty: ErrorCode.REQUIRED,
  maxLength: ErrorCode.TOO_LONG,
  arrayMaxSize: ErrorCode.TOO_LONG,
  min: ErrorCode.OUT_OF_RANGE,
  max: ErrorCode.OUT_OF_RANGE,
  isPositive: ErrorCode.OUT_OF_RANGE,
  arrayMinSize: ErrorCode.OUT_OF_RANGE,
};

function flatten(errors: ValidationError[], path: string[]): UserError[] {
  return errors.flatMap((error) => {
    const field = [...path, error.property];
    const own = Object.entries(error.constraints ?? {}).slice(0, 1).map(([constraint, message]) =>
      userError(field, validationMessageInWords(error.property, message), CODE_BY_CONSTRAINT[constraint] ?? ErrorCode.INVALID),
    );
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Decodes an ID argument outside an input object, such as `id` of an update. */
export function decodeId(globalId: string, typeNames: string[], field: string[]): number {
  const decoded = fromGlobalId(globalId);
  if (!decoded || !typeNames.includes(decoded.typeName)) {
    throw UserInputFailure.of(field, `Expected the ID of ${typeNames.join(' or ')}`, ErrorCode.INVALID_ID);
  }
  return decoded.localId;
}

/**
 * Decodes an ID given as a query argument or filter field: a wrong one is a bad argument
 * (BAD_USER_INPUT), not a payload error, since queries have no userErrors.
 */
export function argumentId(globalId: string, typeName: string, argument: string): number {
  try {
    return decodeId(globalId, [typeName], [argument]);
  } catch (error) {
    if (!(error instanceof UserInputFailure)) throw error;
    throw new GraphQLError(`${argument} must be the ID of a ${typeName}`, { extensions: { code: 'BAD_USER_INPUT', argument } });
  }
}

/**
 * Validates an input object (class-validator) and decodes its global IDs. Returns a plain object
 * whose ID properties hold row ids; throws UserInputFailure naming every bad field at once.
 */
export async function decodeInput<T extends object>(input: T, path: string[] = ['input']): Promise<T> {
  const failures = flatten(await validate(input, { skipMissingProperties: false, forbidUnknownValues: false }), path);
  const plain: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const [property, typeNames] of Object.entries(referencesOf(input))) {
    const value = plain[property];
    if (value === undefined || value === null) continue;
    const field = [...path, property];
    const decodeOne = (id: unknown) => {
      const decoded = typeof id === 'string' ? fromGlobalId(id) : null;
      if (!decoded || !typeNames.includes(decoded.typeName)) {
        failures.push(userError(field, `Expected the ID of ${typeNames.join(' or ')}`, ErrorCode.INVALID_ID));
        return 0;
      }
      return decoded.localId;
    };
    plain[property] = Array.isArray(value) ? value.map(decodeOne) : decodeOne(value);
  }
  if (failures.length > 0) throw new UserInputFailure(failures);
  return plain as T;
}

/** Whether a request value holds U+0000 anywhere: in a string, or in an object's key. */
function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some((item) => holdsNul(item, depth + 1));
  return Object.entries(value).some(([key, item]) => key.includes('\u0000') || holdsNul(item, depth + 1));
}

/**
 * Text with U+0000 is refused as BAD_USER_INPUT before anything runs, wherever it comes: a string
 * in the document or in the variables, for any argument, filter or input. PostgreSQL text cannot
 * hold the character, and a filter carrying it would otherwise fail inside the database. One check
 * here covers the compiled reads and every resolver alike.
 */
export function textInputPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          let inDocument = false;
          visit(document, {
            StringValue(node) {
              if (!node.value.includes('\u0000')) return undefined;
              inDocument = true;
              return BREAK;
            },
          });
          if (inDocument || holdsNul(request.variables)) {
            throw new GraphQLError('Text may not contain the character U+0000', { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
          }
        },
      };
    },
  };
}
