import { Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Node } from '../../core/node';
import { DateScalar } from '../../core/scalars';
import { Credential } from '../credentials/credential.entity';
import { Learner } from './learner.entity';

@ObjectType({ implements: Node, description: 'A credential a learner earned.' })
@Entity()
@Check('ck_award__mastery_level', 'mastery_level >= 1')
@Check('ck_award__revoked_on', 'revoked_on IS NULL OR revoked_at IS NOT NULL')
export class Award extends BaseEntity {
  @Index()
  @Column({ type: 'int' })
  learnerId: number;

  @ManyToOne(() => Learner, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'learner_id' })
  learner?: Learner;

  @Index()
  @Column({ type: 'int' })
  credentialId: number;

  @ManyToOne(() => Credential, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'credential_id' })
  credential?: Credential;

  @Field(() => DateScalar, { description: 'The day it was earned: it counts on routes evaluated on or after this day, and recency limits count from it.' })
  @Column({ type: 'date' })
  awardedOn: string;

  @Field(() => Int, { nullable: true, description: 'Mastery level reached on the credential\'s rubric.' })
  @Column({ type: 'int', nullable: true })
  masteryLevel: number | null;

  @Field(() => String, { nullable: true, description: 'Where the evidence the learner was assessed on is kept.' })
  @Column({ type: 'text', nullable: true })
  evidenceUrl: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the revocation was recorded; null while the award stands.' })
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day the revocation takes effect for routes: an award revoked after a route\'s asOf still counts as of asOf. The status list follows revokedAt.' })
  @Column({ type: 'date', nullable: true })
  revokedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was revoked.' })
  @Column({ type: 'text', nullable: true })
  revocationReason: string | null;

  @Field(() => Boolean, { description: 'True once revoked (revokedAt is set), whatever revokedOn says.' })
  get revoked(): boolean {
    return this.revokedAt !== null;
  }
}
