import { createUnionType } from 'type-graphql';
import { ErrorCode, UserError, userError } from '../../core/errors';
import { Loaders } from '../../core/loaders';
import { typeNameOf } from '../../core/node';
import { Employer } from '../employers/employer.entity';
import { Institution } from './institution.entity';

/** Who issues a credential or signs an agreement for its credentials: a college or an employer. */
export const Issuer = createUnionType({
  name: 'Issuer',
  description: 'Who issues a credential, or whose credentials an agreement maps: an institution or an employer.',
  types: () => [Institution, Employer] as const,
  resolveType: typeNameOf,
});

/** Loads the issuer of a row that has exactly one of the two issuer columns set. */
export function loadIssuer(
  loaders: Loaders,
  row: { issuerInstitutionId: number | null; issuerEmployerId: number | null },
): Promise<Institution | Employer | null> {
  if (row.issuerInstitutionId !== null) return loaders.byId(Institution).load(row.issuerInstitutionId);
  if (row.issuerEmployerId !== null) return loaders.byId(Employer).load(row.issuerEmployerId);
  return Promise.resolve(null);
}


/** Credentials and agreements have exactly one issuer: a college or an employer. */
export function issuerError(row: { issuerInstitutionId: number | null; issuerEmployerId: number | null }): UserError | null {
  return (row.issuerInstitutionId == null) === (row.issuerEmployerId == null)
    ? userError(['input', 'issuerInstitutionId'], 'Give exactly one issuer: an institution or an employer', ErrorCode.INVALID)
    : null;
}
