import { gql } from '../graphql';
import { UserError } from '../dataProvider';

/** A mutation's userErrors, kept whole so a form can put each one on its field. */
export class PayloadError extends Error {
  constructor(readonly userErrors: UserError[]) {
    super(userErrors.map((error) => error.message).join('; '));
  }

  /** The message for one input field (the path after "input"), if the server named it. */
  forField(field: string): string | undefined {
    const messages = this.userErrors.filter((error) => error.field?.[error.field[0] === 'input' ? 1 : 0] === field).map((error) => error.message);
    return messages.length ? messages.join('; ') : undefined;
  }

  /** Messages no single field of the form holds. */
  general(fields: readonly string[]): string | undefined {
    const messages = this.userErrors
      .filter((error) => {
        const field = error.field?.[error.field[0] === 'input' ? 1 : 0];
        return !field || !fields.includes(field);
      })
      .map((error) => error.message);
    return messages.length ? messages.join('; ') : undefined;
  }
}

/**
 * Runs an object-first mutation such as `creditMappingUpdate(input:)` and resolves with its payload;
 * userErrors reject as a PayloadError, top-level errors as the HttpError `gql` throws.
 */
export async function runMutation<T = Record<string, unknown>>(name: string, inputType: string, input: Record<string, unknown>, selection = ''): Promise<T> {
  const data = await gql<Record<string, T & { userErrors: UserError[] }>>(
    `mutation ${name}($input: ${inputType}!) { ${name}(input: $input) { ${selection} userErrors { field message code } } }`,
    { input },
  );
  const payload = data[name];
  if (payload.userErrors.length) throw new PayloadError(payload.userErrors);
  return payload;
}
