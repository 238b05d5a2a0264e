import { Field, Float, GraphQLISODateTime, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Node } from '../../core/node';
import { numeric } from '../../core/scalars';
import { DegreeProgram } from '../articulation/degree-program.entity';
import { Learner } from './learner.entity';

export enum ClaimStatus {
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  DENIED = 'DENIED',
}
registerEnumType(ClaimStatus, { name: 'ClaimStatus' });

@ObjectType({ implements: Node, description: 'Work or life experience assessed for credit toward one program.' })
@Entity()
@Check('ck_prior_learning_claim__credits_requested', 'credits_requested >= 0')
@Check('ck_prior_learning_claim__credits_approved', `credits_approved >= 0 AND (status = 'APPROVED') = (credits_approved IS NOT NULL)`)
export class PriorLearningClaim extends BaseEntity {
  @Index()
  @Column({ type: 'int' })
  learnerId: number;

  @ManyToOne(() => Learner, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'learner_id' })
  learner?: Learner;

  @Index()
  @Column({ type: 'int' })
  degreeProgramId: number;

  @ManyToOne(() => DegreeProgram, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'degree_program_id' })
  degreeProgram?: DegreeProgram;

  @Field(() => String)
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { description: 'What the learner offers as evidence.' })
  @Column({ type: 'text' })
  evidence: string;

  @Field(() => Float)
  @Column({ type: 'numeric', precision: 6, scale: 2, transformer: numeric })
  creditsRequested: number;

  @Field(() => ClaimStatus)
  @Index()
  @Column({ type: 'enum', enum: ClaimStatus, enumName: 'claim_status', default: ClaimStatus.SUBMITTED })
  status: ClaimStatus;

  @Field(() => Float, { nullable: true })
  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: numeric })
  creditsApproved: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  decisionReason: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
