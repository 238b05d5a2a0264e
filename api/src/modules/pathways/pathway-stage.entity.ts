import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Node } from '../../core/node';
import { numeric } from '../../core/scalars';
import { Pathway } from './pathway.entity';
import { ImmutableData, PublicData } from '../../core/public-data';

export enum StageRequirement {
  ALL = 'ALL',
  AT_LEAST = 'AT_LEAST',
}
registerEnumType(StageRequirement, { name: 'StageRequirement', description: 'All credentials of the stage, or at least `requiredCount` of them (ceterms:ComponentCondition).' , valuesConfig: { ALL: { description: "Every credential of the stage." }, AT_LEAST: { description: "At least `requiredCount` of the stage's credentials." } } });

@PublicData()
@ObjectType({ implements: Node, description: 'An ordered step of a pathway.' })
@Entity()
@Unique('uq_pathway_stage__pathway_position', ['pathwayId', 'position'], { deferrable: 'INITIALLY DEFERRED' })
@Check('ck_pathway_stage__required_count', `required_count >= 1 AND (requirement = 'AT_LEAST') = (required_count IS NOT NULL)`)
@Check('ck_pathway_stage__min_credits', 'min_credits >= 0')
@Check('ck_pathway_stage__position', 'position >= 1')
export class PathwayStage extends BaseEntity {
  @Index()
  @Column({ type: 'int' })
  pathwayId: number;

  @ManyToOne(() => Pathway, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pathway_id' })
  pathway?: Pathway;

  @ImmutableData()
  @Field(() => Int, { description: 'Order within the pathway, from 1.' })
  @Column({ type: 'int' })
  position: number;

  @ImmutableData()
  @Field(() => String, { description: 'The stage\'s name.' })
  @Column({ type: 'text' })
  title: string;

  @ImmutableData()
  @Field(() => StageRequirement, { description: 'How many of the stage\'s credentials a learner must earn.' })
  @Column({ type: 'enum', enum: StageRequirement, enumName: 'stage_requirement', default: StageRequirement.ALL })
  requirement: StageRequirement;

  @ImmutableData()
  @Field(() => Int, { nullable: true, description: 'With AT_LEAST: how many of the stage\'s credentials.' })
  @Column({ type: 'int', nullable: true })
  requiredCount: number | null;

  @ImmutableData()
  @Field(() => Float, { nullable: true, description: 'Minimum credits across the stage\'s credentials, if any.' })
  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: numeric })
  minCredits: number | null;
}
