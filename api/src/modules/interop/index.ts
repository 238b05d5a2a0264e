import { AwardCredentialResolver, CredentialExportResolver, PathwayExportResolver, VerificationResolver } from './interop.resolver';

import { IssuerSigningResolver } from './issuer-signing.resolver';

export const resolvers = [CredentialExportResolver, PathwayExportResolver, AwardCredentialResolver, VerificationResolver, IssuerSigningResolver] as const;
