import {
  EndorsementResolver,
  PathwayDestinationResolver,
  PathwayOffRampResolver,
  PathwayPartnerResolver,
  PathwayResolver,
  PathwayStageResolver,
  StageCredentialResolver,
} from './pathway.resolver';

export const resolvers = [
  PathwayResolver,
  PathwayStageResolver,
  StageCredentialResolver,
  PathwayDestinationResolver,
  PathwayOffRampResolver,
  PathwayPartnerResolver,
  EndorsementResolver,
] as const;
