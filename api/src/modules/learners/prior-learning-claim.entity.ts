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
registerEnumType(ClaimStatus, {
  name: 'ClaimStatus',
  description: 'Where a prior-learning claim stands; only APPROVED claims give credit.',
  valuesConfig: {
    SUBMITTED: { description: 'Waiting for a decision by staff of the program\'s institution; may still be edited.' },
    APPROVED: { description: 'Accepted: creditsApproved count toward the program, up to its prior-learning cap.' },
    DENIED: { description: 'Refused, with the reason; gives no credit.' },
  },
});

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

  @Field(() => String, { description: 'What the experience was, e.g. "Three years as a help-desk lead".' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { description: 'What the learner offers as evidence.' })
  @Column({ type: 'text' })
  evidence: string;

  @Field(() => Float, { description: 'Credits the learner asks for.' })
  @Column({ type: 'numeric', precision: 6, scale: 2, transformer: numeric })
  creditsRequested: number;

  @Field(() => ClaimStatus, { description: 'Only APPROVED claims give credit.' })
  @Index()
  @Column({ type: 'enum', enum: ClaimStatus, enumName: 'claim_status', default: ClaimStatus.SUBMITTED })
  status: ClaimStatus;

  @Field(() => Float, { nullable: true, description: 'Credits granted; set exactly when APPROVED. Routes count them up to floor(priorLearningCap × totalCredits) and the residency limit.' })
  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: numeric })
  creditsApproved: number | null;

  @Field(() => String, { nullable: true, description: 'Why it was approved or denied; always given for a denial.' })
  @Column({ type: 'text', nullable: true })
  decisionReason: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was approved or denied; null while SUBMITTED.' })
  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
