import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Node } from '../../core/node';

@ObjectType({ implements: Node, description: 'A published occupational standard or skills framework (CASE CFDocument).' })
@Entity()
export class CompetencyFramework extends BaseEntity {
  @Field(() => String)
  @Index('ix_competency_framework__name_trgm', { synchronize: false })
  @Column({ type: 'text' })
  name: string;

  @Field(() => String)
  @Index()
  @Column({ type: 'text' })
  publisher: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  version: string | null;

  @Field(() => String, { nullable: true, description: 'Where the framework applies, e.g. "US".' })
  @Index()
  @Column({ type: 'text', nullable: true })
  jurisdiction: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  sourceUrl: string | null;

  @Field(() => String, { nullable: true, description: 'CASE identifier (UUID) of the CFDocument.' })
  @Column({ type: 'uuid', nullable: true, unique: true })
  caseIdentifier: string | null;
}
