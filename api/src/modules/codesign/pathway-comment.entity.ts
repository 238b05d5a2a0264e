import { Field, GraphQLISODateTime, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Node } from '../../core/node';
import { User } from '../accounts/user.entity';
import { Pathway } from '../pathways/pathway.entity';
import { PathwayStage } from '../pathways/pathway-stage.entity';

export enum CommentKind {
  COMMENT = 'COMMENT',
  CHANGE_REQUEST = 'CHANGE_REQUEST',
}
registerEnumType(CommentKind, {
  name: 'CommentKind',
  description: 'Whether a comment asks for a change.',
  valuesConfig: {
    COMMENT: { description: 'A remark or question; does not hold up the lifecycle.' },
    CHANGE_REQUEST: { description: 'A change the version needs: while it is unresolved, the version cannot be submitted for review, approved or published (OPEN_CHANGE_REQUEST).' },
  },
});

export enum CommentResolution {
  DONE = 'DONE',
  WONT_DO = 'WONT_DO',
  ANSWERED = 'ANSWERED',
}
registerEnumType(CommentResolution, {
  name: 'CommentResolution',
  description: 'How a comment or change request was closed.',
  valuesConfig: {
    DONE: { description: 'The change was made.' },
    WONT_DO: { description: 'The change was declined; the note says why.' },
    ANSWERED: { description: 'The question was answered; nothing needed to change.' },
  },
});

/** Co-designers' discussion of a pathway version or one of its stages. Never public. */
@ObjectType({ implements: Node, description: 'A comment or change request on a pathway or one of its stages.' })
@Entity()
@Check('ck_pathway_comment__resolution', '(resolution IS NULL) = (resolved_at IS NULL)')
export class PathwayComment extends BaseEntity {
  @Index()
  @Column({ type: 'int' })
  pathwayId: number;

  @ManyToOne(() => Pathway, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pathway_id' })
  pathway?: Pathway;

  @Index()
  @Column({ type: 'int', nullable: true })
  stageId: number | null;

  @ManyToOne(() => PathwayStage, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'stage_id' })
  stage?: PathwayStage;

  @Index()
  @Column({ type: 'int', nullable: true })
  authorId: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  @Field(() => CommentKind, { description: 'A plain comment or a change request.' })
  @Column({ type: 'enum', enum: CommentKind, enumName: 'comment_kind', default: CommentKind.COMMENT })
  kind: CommentKind;

  @Field(() => String, { description: 'The comment\'s text.' })
  @Column({ type: 'text' })
  body: string;

  @Field(() => CommentResolution, { nullable: true, description: 'How it was closed; null while open.' })
  @Column({ type: 'enum', enum: CommentResolution, enumName: 'comment_resolution', nullable: true })
  resolution: CommentResolution | null;

  @Field(() => String, { nullable: true, description: 'Why it was closed that way.' })
  @Column({ type: 'text', nullable: true })
  resolutionNote: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was closed; null while open.' })
  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
}
