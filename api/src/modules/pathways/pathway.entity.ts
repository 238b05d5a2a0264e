import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { BeforeInsert, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Node } from '../../core/node';
import { DateScalar, UuidScalar } from '../../core/scalars';
import { Institution } from '../institutions/institution.entity';
import { ImmutableData, PublicData } from '../../core/public-data';

export enum PathwayStatus {
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
  APPROVED = 'APPROVED',
  PUBLISHED = 'PUBLISHED',
  RETIRED = 'RETIRED',
}
registerEnumType(PathwayStatus, {
  name: 'PathwayStatus',
  description: "Where a pathway version is in design and review; the public sees PUBLISHED versions only.",
  valuesConfig: { DRAFT: { description: "Being designed by the owning institution and its partners." }, IN_REVIEW: { description: "Submitted; validating partners approve it or request changes." }, CHANGES_REQUESTED: { description: "A validating partner asked for changes; it can be edited and submitted again." }, APPROVED: { description: "Approved by a validating partner; the owning institution may publish it." }, PUBLISHED: { description: "Offered to learners; frozen: changes go into a new version." }, RETIRED: { description: "No longer offered: replaced by a newer published version, or withdrawn by the owning institution." } },
});

/**
 * One version of a micropathway. Versions of the same pathway share `lineageId`; publishing
 * freezes a version, and editing a published pathway starts the next version as a draft.
 * `revision` counts the edits of this version and guards against concurrent overwrites.
 */
@PublicData()
@ObjectType({ implements: Node, description: 'A micropathway version: stackable credentials leading to an occupation (ceterms:Pathway).' })
@Entity()
@Unique('uq_pathway__lineage_version', ['lineageId', 'version'])
@Index('ix_pathway__lineage_published', { synchronize: false })
export class Pathway extends BaseEntity {
  @ImmutableData()
  @Field(() => UuidScalar, { description: 'Shared by every version of this pathway.' })
  @Index()
  @Column({ type: 'uuid' })
  lineageId: string;

  @ImmutableData()
  @Field(() => Int, { description: 'Version number within the lineage, from 1.' })
  @Column({ type: 'int', default: 1 })
  version: number;

  @Field(() => Int, { description: 'Edit counter of this version; send it back with an update to detect concurrent edits.' })
  @Column({ type: 'int', default: 1 })
  revision: number;

  @ImmutableData()
  @Field(() => String, { description: 'The pathway\'s name as learners see it.' })
  @Index('ix_pathway__title_trgm', { synchronize: false })
  @Column({ type: 'text' })
  title: string;

  @ImmutableData()
  @Field(() => String, { description: 'What the pathway prepares for, in a sentence or two.', nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => PathwayStatus, { description: 'Where this version is in review: only PUBLISHED versions are shown to the public.' })
  @Index()
  @Column({ type: 'enum', enum: PathwayStatus, enumName: 'pathway_status', default: PathwayStatus.DRAFT })
  status: PathwayStatus;

  @Index()
  @Column({ type: 'int' })
  ownerInstitutionId: number;

  @ManyToOne(() => Institution, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_institution_id' })
  ownerInstitution?: Institution;

  @ImmutableData()
  @Field(() => DateScalar, { nullable: true, description: 'When the co-designers should next review it.' })
  @Column({ type: 'date', nullable: true })
  reviewDueOn: string | null;

  @ImmutableData()
  @Field(() => GraphQLISODateTime, { description: 'When this version was published; null until then.', nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** A new pathway starts a lineage; later versions are created with their lineage's id. */
  @BeforeInsert()
  startLineage(): void {
    this.lineageId ??= randomUUID();
  }
}
