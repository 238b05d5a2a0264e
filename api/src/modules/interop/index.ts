import { AwardCredentialResolver, CredentialExportResolver, PathwayExportResolver, VerificationResolver } from './interop.resolver';
import { registerEntities } from '../../core/registry';
import { IssuerKey } from './issuer-key.entity';
import { AwardCredential } from './award-credential.entity';

import { IssuerSigningResolver } from './issuer-signing.resolver';
import { IssuerSigningOption, LearnerSubject, StatusListEntry } from './signing.entities';

export const resolvers = [CredentialExportResolver, PathwayExportResolver, AwardCredentialResolver, VerificationResolver, IssuerSigningResolver] as const;

registerEntities(IssuerKey, AwardCredential, LearnerSubject, StatusListEntry, IssuerSigningOption);
