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
registerEnumType(RouteItemStatusEnum, {
  name: 'RouteItemStatus',
  description: 'What became of an award on a route, and why. Failures are checked in the order NOT_YET_AWARDED, REVOKED, LEVEL_TOO_LOW, EXPIRED.',
  valuesConfig: {
    COUNTED: { description: 'Valid, and its mapping\'s credits count.' },
    DUPLICATE: { description: 'Valid, but gives 0: another award already counts for the same course equivalent (the largest credit value, earliest on a tie) or for the same credential.' },
    EXPIRED: { description: 'Awarded earlier than asOf minus the agreement\'s recency limit in years.' },
    REVOKED: { description: 'Revoked on or before asOf (a revocation dated later does not yet apply).' },
    LEVEL_TOO_LOW: { description: 'The mastery level recorded on the award is below the mapping\'s minimum.' },
    NOT_YET_AWARDED: { description: 'Awarded after asOf.' },
    NO_AGREEMENT: { description: 'No agreement that counts on asOf (ACTIVE, in effect) maps the credential into this program.' },
  },
});

/** The engine's plain result, carried to the field resolvers that turn ids into objects. */
@ObjectType({ description: 'How one of the learner\'s awards counts toward the program.' })
export class RouteItem {
  awardId: number | null;
  credentialId: number;
  agreementId: number | null;

  @Field(() => String, { nullable: true, description: 'Course equivalent (for example CIS-105) of the mapping the award counts through, or fails on; awards toward the same course count once. Null when that mapping names no course, or no counting agreement maps the credential.' })
  courseEquivalent: string | null;

  @Field(() => Float, { description: 'Credits this award gives toward the program, before the prior-learning and residency limits; 0 unless status is COUNTED.' })
  credits: number;

  @Field(() => RouteItemStatusEnum, { description: 'COUNTED when the award gives credit; otherwise why it does not.' })
  status: RouteItemStatus;
}

@ObjectType({ description: 'A credential worth earning next, and what it would add.' })
export class NextStep {
  credentialId: number;

  @Field(() => Float, { description: 'How much applied credit would rise if the learner earned it now (limits, duplicates and block credit included).' })
  creditsGained: number;

  @Field(() => Float, { description: 'The credential\'s notional workload, in hours.' })
  workloadHours: number;

  @Field(() => Float, { description: 'creditsGained ÷ workloadHours, rounded to 4 decimals: the ranking key.' })
  creditsPerHour: number;
}

@ObjectType({ description: 'A learner\'s credit toward one degree program on a date: what counts, what the limits cut, what is left.' })
export class ArticulationRoute {
  programId: number;
  missingCredentialIds: number[];

  @Field(() => DateScalar, { description: 'The evaluation date: agreements in effect, awards earned and not revoked, and recency limits are all judged on this day.' })
  asOf: string;

  @Field(() => Float, { description: 'Credits the program requires in all.' })
  totalCredits: number;

  @Field(() => Float, { description: 'articulated + block + prior learning − cut.' })
  appliedCredits: number;

  @Field(() => Float, { description: 'totalCredits − appliedCredits: what the learner still has to earn.' })
  remainingCredits: number;

  @Field(() => Float, { description: 'Credit from awards before the limits.' })
  articulatedCredits: number;

  @Field(() => Float, { description: 'Block credit for completed pathways, before the limits.' })
  blockCredits: number;

  @Field(() => Float, { description: 'Approved prior learning, before the limits.' })
  priorLearningCredits: number;

  @Field(() => Float, { description: 'What the prior-learning cap and the residency limit removed.' })
  creditsCutByLimits: number;

  @Field(() => [RouteItem], { description: 'One entry per award of the learner (and per supposed credential in whatIf), oldest first, with what it gives and why.' })
  items: RouteItem[];

  /** Ranks the next steps on demand; the field resolver asks for the first few. */
  nextSteps: (limit?: number) => NextStep[];
}

@ObjectType({ description: 'How one learner\'s applied credit would change.' })
export class LearnerImpact {
  learnerId: number;

  @Field(() => Float, { description: 'Applied credits under the agreement as it is.' })
  appliedBefore: number;

  @Field(() => Float, { description: 'Applied credits under the agreement as changed.' })
  appliedAfter: number;

  @Field(() => Float, { description: 'after − before: negative means the learner loses credit.' })
  difference: number;
}

@ObjectType({ description: 'The learners whose applied credit a change to an agreement would change; nothing is written.' })
export class AgreementImpact {
  agreementId: number;

  @Field(() => DateScalar, { description: 'The date both routes are evaluated on; for an expiring agreement, the day after it ends.' })
  asOf: string;

  @Field(() => Int, { description: 'Learners holding a credential the agreement names, all of whom were re-routed: the viewer institution\'s learners, everyone\'s for an admin.' })
  learnersConsidered: number;

  @Field(() => [LearnerImpact], { description: 'Biggest losses first.' })
  changes: LearnerImpact[];
}

@InputType({ description: 'A new credit value for one credential; a credential the agreement does not map yet gets a new mapping.' })
export class MappingCreditChange {
  @Field(() => ID, { description: 'Global ID of the credential.' })
  credentialId: string;

  @Field(() => Float, { description: 'Credits the credential would give, 0 to 200.' })
  @Min(0)
  @Max(200)
  credits: number;
}

@InputType({ description: 'A proposed change: only what is given changes.' })
export class AgreementChangeInput {
  @Field(() => AgreementStatus, { nullable: true, description: 'A new status; only ACTIVE agreements count.' })
  status?: AgreementStatus | null;

  @Field(() => DateScalar, { nullable: true, description: 'A new last day.' })
  effectiveTo?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Make the agreement open-ended.' })
  clearEffectiveTo?: boolean | null;

  @Field(() => [MappingCreditChange], { nullable: true, description: 'New credit values for some credentials.' })
  @ValidateNested({ each: true })
  credits?: MappingCreditChange[] | null;
}
