import { AwardCredentialResolver, CredentialExportResolver, PathwayExportResolver, VerificationResolver } from './interop.resolver';

export const resolvers = [CredentialExportResolver, PathwayExportResolver, AwardCredentialResolver, VerificationResolver] as const;
