import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Max, Min, ValidateNested } from 'class-validator';
import { AgreementStatus } from '../articulation/articulation-agreement.entity';
import { DateScalar } from '../../core/scalars';
import type { RouteItemStatus } from '../articulation/engine';

export enum RouteItemStatusEnum {
  COUNTED = 'COUNTED',
  DUPLICATE = 'DUPLICATE',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
  LEVEL_TOO_LOW = 'LEVEL_TOO_LOW',
  NOT_YET_AWARDED = 'NOT_YET_AWARDED',
  NO_AGREEMENT = 'NO_AGREEMENT',
}
registerEnumType(RouteItemStatusEnum, { name: 'RouteItemStatus', description: 'What became of an award on a route, and why.' });

/** The engine's plain result, carried to the field resolvers that turn ids into objects. */
@ObjectType({ description: 'How one of the learner\'s awards counts toward the program.' })
export class RouteItem {
  awardId: number | null;
  credentialId: number;
  agreementId: number | null;

  @Field(() => String, { nullable: true })
  courseEquivalent: string | null;

  @Field(() => Float)
  credits: number;

  @Field(() => RouteItemStatusEnum)
  status: RouteItemStatus;
}

@ObjectType({ description: 'A credential worth earning next, and what it would add.' })
export class NextStep {
  credentialId: number;

  @Field(() => Float, { description: 'How much applied credit would rise if the learner earned it now (limits, duplicates and block credit included).' })
  creditsGained: number;

  @Field(() => Float)
  workloadHours: number;

  @Field(() => Float)
  creditsPerHour: number;
}

@ObjectType({ description: 'A learner\'s credit toward one degree program on a date: what counts, what the limits cut, what is left.' })
export class ArticulationRoute {
  programId: number;
  missingCredentialIds: number[];

  @Field(() => DateScalar)
  asOf: string;

  @Field(() => Float)
  totalCredits: number;

  @Field(() => Float, { description: 'articulated + block + prior learning − cut.' })
  appliedCredits: number;

  @Field(() => Float)
  remainingCredits: number;

  @Field(() => Float, { description: 'Credit from awards before the limits.' })
  articulatedCredits: number;

  @Field(() => Float, { description: 'Block credit for completed pathways, before the limits.' })
  blockCredits: number;

  @Field(() => Float, { description: 'Approved prior learning, before the limits.' })
  priorLearningCredits: number;

  @Field(() => Float, { description: 'What the prior-learning cap and the residency limit removed.' })
  creditsCutByLimits: number;

  @Field(() => [RouteItem])
  items: RouteItem[];

  /** Ranks the next steps on demand; the field resolver asks for the first few. */
  nextSteps: (limit?: number) => NextStep[];
}

@ObjectType({ description: 'How one learner\'s applied credit would change.' })
export class LearnerImpact {
  learnerId: number;

  @Field(() => Float)
  appliedBefore: number;

  @Field(() => Float)
  appliedAfter: number;

  @Field(() => Float, { description: 'after − before: negative means the learner loses credit.' })
  difference: number;
}

@ObjectType({ description: 'The learners whose applied credit a change to an agreement would change; nothing is written.' })
export class AgreementImpact {
  agreementId: number;

  @Field(() => DateScalar)
  asOf: string;

  @Field(() => Int, { description: 'Learners holding a credential the agreement names, all of whom were re-routed.' })
  learnersConsidered: number;

  @Field(() => [LearnerImpact], { description: 'Biggest losses first.' })
  changes: LearnerImpact[];
}

@InputType()
export class MappingCreditChange {
  @Field(() => ID)
  credentialId: string;

  @Field(() => Float)
  @Min(0)
  @Max(200)
  credits: number;
}

@InputType({ description: 'A proposed change: only what is given changes.' })
export class AgreementChangeInput {
  @Field(() => AgreementStatus, { nullable: true })
  status?: AgreementStatus | null;

  @Field(() => DateScalar, { nullable: true, description: 'A new last day.' })
  effectiveTo?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Make the agreement open-ended.' })
  clearEffectiveTo?: boolean | null;

  @Field(() => [MappingCreditChange], { nullable: true })
  @ValidateNested({ each: true })
  credits?: MappingCreditChange[] | null;
}
