import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsNotEmpty, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { RefersTo } from '../../core/input';
import { AlignmentStrength } from '../credentials/alignment.entity';
import { PartnerRole } from '../pathways/pathway-partner.entity';
import { CommentKind, CommentResolution } from './pathway-comment.entity';
import { PublishCheck } from './readiness.service';

registerEnumType(PublishCheck, { name: 'PublishCheck', description: 'A condition DOMAIN.md sets for publishing a pathway.' });

@ObjectType()
export class ReadinessCheck {
  @Field(() => PublishCheck)
  check: PublishCheck;

  @Field(() => Boolean)
  passed: boolean;

  @Field(() => String)
  message: string;
}

@ObjectType({ description: 'Whether a version may be published, with every check and the ones still unmet.' })
export class PublishReadiness {
  @Field(() => Boolean)
  ready: boolean;

  @Field(() => [ReadinessCheck])
  checks: ReadinessCheck[];

  @Field(() => [ReadinessCheck])
  unmet: ReadinessCheck[];
}

@ObjectType({ description: 'An outcome of a credential in the pathway aligned to a core competency.' })
export class CoverageSource {
  credentialId: number;
  outcomeId: number;

  @Field(() => AlignmentStrength)
  strength: AlignmentStrength;
}

@ObjectType()
export class CompetencyCoverage {
  competencyId: number;

  @Field(() => [CoverageSource])
  by: CoverageSource[];
}

@ObjectType({ description: 'How much of the destination occupations\' core competencies the pathway covers (EXACT or PARTIAL alignments).' })
export class Coverage {
  @Field(() => Int)
  coreCount: number;

  @Field(() => Int)
  coveredCount: number;

  @Field(() => Float, { description: 'covered / core, 0 when there are no core competencies.' })
  ratio: number;

  @Field(() => [CompetencyCoverage])
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

@InputType()
export class PathwayRequestChangesInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'What should change; kept as a change request on the version.' })
  @IsNotEmpty()
  @MaxLength(5000)
  note: string;
}

@InputType()
export class PathwayCommentAddInput {
  @Field(() => ID)
  @RefersTo('Pathway')
  pathwayId: string;

  @Field(() => ID, { nullable: true, description: 'A stage of that pathway, when the comment is about one stage.' })
  @IsOptional()
  @RefersTo('PathwayStage')
  stageId?: string | null;

  @Field(() => CommentKind, { nullable: true, defaultValue: CommentKind.COMMENT })
  kind?: CommentKind;

  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(5000)
  body: string;
}

@InputType()
export class PathwayCommentResolveInput {
  @Field(() => ID)
  id: string;

  @Field(() => CommentResolution)
  resolution: CommentResolution;

  @Field(() => String, { nullable: true })
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
