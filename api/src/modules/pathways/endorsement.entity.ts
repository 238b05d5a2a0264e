import { Field, GraphQLISODateTime, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Node } from '../../core/node';
import { DateScalar } from '../../core/scalars';
import { Employer } from '../employers/employer.entity';
import { Pathway } from './pathway.entity';
import { PublicData } from '../../core/public-data';

export enum EndorsementCommitment {
  INTERVIEW_GUARANTEE = 'INTERVIEW_GUARANTEE',
  HIRING_INTENT = 'HIRING_INTENT',
  PAID_RELEASE_TIME = 'PAID_RELEASE_TIME',
  WORK_BASED_PLACEMENT = 'WORK_BASED_PLACEMENT',
}
registerEnumType(EndorsementCommitment, {
  name: 'EndorsementCommitment',
  description: 'What an endorsing employer commits to, beyond its statement.',
  valuesConfig: {
    INTERVIEW_GUARANTEE: { description: 'Completers are guaranteed a job interview.' },
    HIRING_INTENT: { description: 'The employer intends to hire completers.' },
    PAID_RELEASE_TIME: { description: 'The employer gives its staff paid time to take the pathway.' },
    WORK_BASED_PLACEMENT: { description: 'The employer hosts learners for work-based learning.' },
  },
});

@PublicData()
@ObjectType({ implements: Node, description: 'An employer\'s signed validation of a pathway version.' })
@Entity()
@Check('ck_endorsement__expires_on', 'expires_on IS NULL OR expires_on >= endorsed_on')
@Check('ck_endorsement__hidden_reason', '(hidden_at IS NULL) = (hidden_reason IS NULL)')
export class Endorsement extends BaseEntity {
  @Index()
  @Column({ type: 'int' })
  pathwayId: number;

  @ManyToOne(() => Pathway, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pathway_id' })
  pathway?: Pathway;

  @Index()
  @Column({ type: 'int' })
  employerId: number;

  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_id' })
  employer?: Employer;

  @Field(() => String, { description: 'The employer\'s endorsement in its own words.' })
  @Column({ type: 'text' })
  statement: string;

  @Field(() => EndorsementCommitment, { nullable: true, description: 'What the employer commits to, if anything.' })
  @Column({ type: 'enum', enum: EndorsementCommitment, enumName: 'endorsement_commitment', nullable: true })
  commitment: EndorsementCommitment | null;

  @Field(() => String, { description: 'Who signed for the employer.' })
  @Column({ type: 'text' })
  signatoryName: string;

  @Field(() => String, { nullable: true, description: 'The signatory\'s job title.' })
  @Column({ type: 'text', nullable: true })
  signatoryTitle: string | null;

  @Field(() => DateScalar, { description: 'The day it was given.' })
  @Column({ type: 'date', default: () => 'CURRENT_DATE' })
  endorsedOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day it stands; null for no end. An expired endorsement no longer counts toward publishing.' })
  @Column({ type: 'date', nullable: true })
  expiresOn: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the employer withdrew it; null while it stands. A withdrawn endorsement no longer counts toward publishing.' })
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the owning college hid it from the public; null while shown. A hidden endorsement is seen only by the college, the endorsing employer and admins, and no longer counts toward publishing.',
  })
  @Column({ type: 'timestamptz', nullable: true })
  hiddenAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the owning college hid it; null while shown.' })
  @Column({ type: 'text', nullable: true })
  hiddenReason: string | null;
}
