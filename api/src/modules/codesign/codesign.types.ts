import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsNotEmpty, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { RefersTo } from '../../core/input';
import { AlignmentStrength } from '../credentials/alignment.entity';
import { PartnerRole } from '../pathways/pathway-partner.entity';
import { CommentKind, CommentResolution } from './pathway-comment.entity';
import { PublishCheck } from './readiness.service';

registerEnumType(PublishCheck, {
  name: 'PublishCheck',
  description: 'A condition DOMAIN.md sets for publishing a pathway.',
  valuesConfig: {
    MIN_TWO_CREDENTIALS: { description: 'The stages hold at least two different credentials.' },
    CREDENTIALS_PUBLISHED_AND_ASSESSED: { description: 'Every credential of the pathway is PUBLISHED and has an assessment.' },
    STAGE_REQUIREMENTS_VALID: { description: 'There is at least one stage, and each can be completed: it holds a credential, an AT_LEAST n stage holds n or more, and their creditValue adds up to its minCredits.' },
    NO_PREREQUISITE_CYCLE: { description: 'The prerequisites of the pathway\'s credentials form no cycle.' },
    CURRENT_ENDORSEMENT: { description: 'At least one employer endorsement of this version is neither revoked nor expired today.' },
  },
});

@ObjectType({ description: 'One publish check of a pathway version, and its outcome.' })
export class ReadinessCheck {
  @Field(() => PublishCheck, { description: 'Which condition this is.' })
  check: PublishCheck;

  @Field(() => Boolean, { description: 'Whether the version meets it now.' })
  passed: boolean;

  @Field(() => String, { description: 'What was found, in English, naming the credentials or stages at fault.' })
  message: string;
}

@ObjectType({ description: 'Whether a version may be published, with every check and the ones still unmet.' })
export class PublishReadiness {
  @Field(() => Boolean, { description: 'True when every check passed; publishing also needs an APPROVED version and no open change request.' })
  ready: boolean;

  @Field(() => [ReadinessCheck], { description: 'Every check, passed or not.' })
  checks: ReadinessCheck[];

  @Field(() => [ReadinessCheck], { description: 'The checks that failed; pathwayPublish refuses with one NOT_READY error for each.' })
  unmet: ReadinessCheck[];
}

@ObjectType({ description: 'An outcome of a credential in the pathway aligned to a core competency.' })
export class CoverageSource {
  credentialId: number;
  outcomeId: number;

  @Field(() => AlignmentStrength, { description: 'EXACT or PARTIAL count toward coverage; RELATED is shown only.' })
  strength: AlignmentStrength;
}

@ObjectType({ description: 'A core competency and the learning outcomes of the pathway that align to it.' })
export class CompetencyCoverage {
  competencyId: number;

  @Field(() => [CoverageSource], { description: 'The aligned outcomes, with their strength.' })
  by: CoverageSource[];
}

@ObjectType({ description: 'How much of the destination occupations\' core competencies the pathway covers (EXACT or PARTIAL alignments).' })
export class Coverage {
  @Field(() => Int, { description: 'Core competencies of the destination occupations.' })
  coreCount: number;

  @Field(() => Int, { description: 'Core competencies some outcome of the pathway aligns to with EXACT or PARTIAL strength.' })
  coveredCount: number;

  @Field(() => Float, { description: 'covered / core, 0 when there are no core competencies.' })
  ratio: number;

  @Field(() => [CompetencyCoverage], { description: 'The covered core competencies and what covers them.' })
  covered: CompetencyCoverage[];

  /** Uncovered entries; the resolver turns them into competencies. */
  uncoveredEntries: CompetencyCoverage[];
}

/** What every lifecycle step takes: the pathway version it moves. */
export interface PathwayStepInput {
  id: string;
}

/** Each step has its own input type, so generic clients can tell the mutations apart. */
function stepInput(name: string, description: string): new () => PathwayStepInput {
  @InputType(name, { description })
  class StepInput implements PathwayStepInput {
    @Field(() => ID, { description: 'Global ID of the pathway version.' })
    id: string;
  }
  return StepInput;
}

export const PathwaySubmitForReviewInput = stepInput('PathwaySubmitForReviewInput', 'The pathway version to submit for review.');
export const PathwayApproveInput = stepInput('PathwayApproveInput', 'The pathway version to approve.');
export const PathwayPublishInput = stepInput('PathwayPublishInput', 'The pathway version to publish.');
export const PathwayRetireInput = stepInput('PathwayRetireInput', 'The published pathway version to retire.');
export const PathwayStartRevisionInput = stepInput('PathwayStartRevisionInput', 'The published pathway version to copy into a new draft.');

@InputType({ description: 'A change request on a version in review.' })
export class PathwayRequestChangesInput {
  @Field(() => ID, { description: 'Global ID of the pathway version, IN_REVIEW.' })
  id: string;

  @Field(() => String, { description: 'What should change; kept as a change request on the version.' })
  @IsNotEmpty()
  @MaxLength(5000)
  note: string;
}

@InputType({ description: 'A new comment or change request on a pathway version.' })
export class PathwayCommentAddInput {
  @Field(() => ID, { description: 'Global ID of the pathway version.' })
  @RefersTo('Pathway')
  pathwayId: string;

  @Field(() => ID, { nullable: true, description: 'A stage of that pathway, when the comment is about one stage.' })
  @IsOptional()
  @RefersTo('PathwayStage')
  stageId?: string | null;

  @Field(() => CommentKind, { nullable: true, defaultValue: CommentKind.COMMENT, description: 'COMMENT when omitted; a CHANGE_REQUEST holds up the lifecycle until resolved.' })
  kind?: CommentKind;

  @Field(() => String, { description: 'The comment, at most 5,000 characters.' })
  @IsNotEmpty()
  @MaxLength(5000)
  body: string;
}

@InputType({ description: 'Closes an open comment or change request.' })
export class PathwayCommentResolveInput {
  @Field(() => ID, { description: 'Global ID of the comment; a comment is resolved once.' })
  id: string;

  @Field(() => CommentResolution, { description: 'How it was closed.' })
  resolution: CommentResolution;

  @Field(() => String, { nullable: true, description: 'Why, at most 5,000 characters.' })
  @IsOptional()
  @MaxLength(5000)
  note?: string | null;
}

@InputType({ description: 'An employer partner of a new pathway, with its role.' })
export class PathwayStartPartnerInput {
  @Field(() => ID, { description: 'The Employer.' })
  employerId: string;

  @Field(() => PartnerRole, { description: 'What the employer does in the co-design (lead, contributor or validator).' })
  @IsEnum(PartnerRole)
  role: PartnerRole;
}

@InputType({ description: 'A new pathway: the occupation it leads to, the college that owns it and the employers designing it.' })
export class PathwayStartInput {
  @Field(() => ID, { description: 'The destination occupation.' })
  @RefersTo('Occupation')
  occupationId: string;

  @Field(() => ID, { description: 'The college that owns and publishes the pathway.' })
  @RefersTo('Institution')
  ownerInstitutionId: string;

  @Field(() => String, { nullable: true, description: 'Left out, the pathway is named after the occupation.' })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string | null;

  @Field(() => [PathwayStartPartnerInput], { nullable: true, description: 'Employer partners and their roles. An employer partner starting a pathway is its lead.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  partners?: PathwayStartPartnerInput[] | null;
}
