import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Award } from '../learners/award.entity';
import { Learner } from '../learners/learner.entity';

/**
 * The stable subject id of a learner towards one issuer (`urn:uuid:` of a random UUID): the `sub`
 * and `credentialSubject.id` of every award that issuer signs for them. Random, so it says nothing
 * about the learner, and per issuer, so two issuers cannot correlate their learners by it.
 */
@Entity()
@Index('uq_learner_subject__learner_issuer', ['learnerId', 'issuer'], { unique: true })
export class LearnerSubject extends BaseEntity {
  @Column({ type: 'int' })
  learnerId: number;

  @ManyToOne(() => Learner, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'learner_id' })
  learner?: Learner;

  /** `Institution:{id}` or `Employer:{id}`. */
  @Column({ type: 'text' })
  issuer: string;

  @Column({ type: 'uuid', unique: true })
  subjectId: string;
}

/**
 * An award's bit in its issuer's revocation list. Drawn at random within the list (unique per list)
 * when the award is first signed and never moved, so neighbouring bits say nothing about each other.
 */
@Entity()
@Index('uq_status_list_entry__issuer_index', ['issuer', 'listIndex'], { unique: true })
export class StatusListEntry extends BaseEntity {
  @Column({ type: 'int', unique: true })
  awardId: number;

  @ManyToOne(() => Award, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'award_id' })
  award?: Award;

  @Column({ type: 'text' })
  issuer: string;

  @Column({ type: 'int' })
  listIndex: number;
}

/** The algorithm an issuer signs new awards with: RS256 unless it chose EdDSA. */
@Entity()
export class IssuerSigningOption extends BaseEntity {
  @Column({ type: 'text', unique: true })
  issuer: string;

  @Column({ type: 'text' })
  algorithm: string;
}
