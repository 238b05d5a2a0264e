import { GraphQLJSON, GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../core/context';
import { Credential } from '../credentials/credential.entity';
import { Award } from '../learners/award.entity';
import { Pathway } from '../pathways/pathway.entity';
import { achievementDocument } from './achievement.export';
import { issueAwardCredential } from './award-credential.service';
import { achievementSources, pathwaySources, storedAwardCredentials } from './interop.loaders';
import { pathwayGraph } from './pathway-ctdl.export';
import { verifyCredential } from './verification.service';
import { CredentialVerification } from './verification.types';

@Resolver(() => Credential)
export class CredentialExportResolver {
  @FieldResolver(() => GraphQLJSONObject, { description: 'This credential as an Open Badges 3.0 Achievement (JSON-LD); also served at its `id` URL.' })
  async openBadge(@Root() credential: Credential, @Ctx() ctx: Context) {
    return achievementDocument((await achievementSources(ctx).load(credential.id))!);
  }
}

@Resolver(() => Pathway)
export class PathwayExportResolver {
  @FieldResolver(() => GraphQLJSONObject, { description: 'This pathway version as a CTDL JSON-LD graph (ceterms:Pathway and its components); also served at GET /ctdl/pathways/{id}.' })
  async ctdl(@Root() pathway: Pathway, @Ctx() ctx: Context) {
    return pathwayGraph((await pathwaySources(ctx).load(pathway.id))!);
  }
}

@Resolver(() => Award)
export class AwardCredentialResolver {
  @FieldResolver(() => GraphQLJSON, {
    description: 'The award as an Open Badges 3.0 credential signed by its issuer: a compact VC-JWT (application/vc+jwt) whose payload is the credential. Also served at GET /credentials/{id}.',
  })
  async verifiableCredential(@Root() award: Award, @Ctx() ctx: Context) {
    // Awards recorded before credentials were signed get theirs on first request.
    return (await storedAwardCredentials(ctx).load(award.id)) ?? ctx.db.transaction((em) => issueAwardCredential(em, award, { replace: false }));
  }
}

@Resolver()
export class VerificationResolver {
  @Query(() => CredentialVerification, { description: 'Verifies an award credential (a VC-JWT string): signature, issuer, validity dates and revocation. Open to everyone.' })
  verifyCredential(@Arg('document', () => GraphQLJSON, { description: 'The credential document to verify, as JSON.' }) document: unknown, @Ctx() ctx: Context) {
    return verifyCredential(ctx.db, document);
  }
}
