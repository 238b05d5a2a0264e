import {
  EndorsementResolver,
  PathwayDestinationResolver,
  PathwayOffRampResolver,
  PathwayPartnerResolver,
  PathwayResolver,
  PathwayStageResolver,
  StageCredentialResolver,
} from './pathway.resolver';
import { registerEntities } from '../../core/registry';
import { Pathway } from './pathway.entity';
import { PathwayStage } from './pathway-stage.entity';
import { StageCredential } from './stage-credential.entity';
import { PathwayDestination } from './pathway-destination.entity';
import { PathwayOffRamp } from './pathway-off-ramp.entity';
import { PathwayPartner } from './pathway-partner.entity';
import { Endorsement } from './endorsement.entity';

export const resolvers = [
  PathwayResolver,
  PathwayStageResolver,
  StageCredentialResolver,
  PathwayDestinationResolver,
  PathwayOffRampResolver,
  PathwayPartnerResolver,
  EndorsementResolver,
] as const;

registerEntities(Pathway, PathwayStage, StageCredential, PathwayDestination, PathwayOffRamp, PathwayPartner, Endorsement);
