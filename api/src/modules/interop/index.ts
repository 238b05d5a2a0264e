import { AwardCredentialResolver, CredentialExportResolver, PathwayExportResolver, VerificationResolver } from './interop.resolver';
import { registerEntities } from '../../core/registry';
import { IssuerKey } from './issuer-key.entity';
import { AwardCredential } from './award-credential.entity';

export const resolvers = [CredentialExportResolver, PathwayExportResolver, AwardCredentialResolver, VerificationResolver] as const;

registerEntities(IssuerKey, AwardCredential);
