import { randomUUID } from 'node:crypto';
import { UuidScalar } from '../../core/scalars';
import { Field, ObjectType } from 'type-graphql';
import { BeforeInsert, Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Node } from '../../core/node';
import { CaseFrameworkExtras } from './case-package.types';
import { PublicData } from '../../core/public-data';

@PublicData()
@ObjectType({ implements: Node, description: 'A published occupational standard or skills framework (CASE CFDocument).' })
@Entity()
export class CompetencyFramework extends BaseEntity {
  @Field(() => String, { description: 'The framework\'s title, e.g. a national occupational standard.' })
  @Index('ix_competency_framework__name_trgm', { synchronize: false })
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { description: 'Who publishes the framework (CASE creator), e.g. a standards body.' })
  @Index()
  @Column({ type: 'text' })
  publisher: string;

  @Field(() => String, { nullable: true, description: 'The publisher\'s version label.' })
  @Column({ type: 'text', nullable: true })
  version: string | null;

  @Field(() => String, { nullable: true, description: 'Where the framework applies, e.g. "US".' })
  @Index()
  @Column({ type: 'text', nullable: true })
  jurisdiction: string | null;

  @Field(() => String, { nullable: true, description: 'What the framework covers.' })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true, description: 'Where the publisher offers the framework.' })
  @Column({ type: 'text', nullable: true })
  sourceUrl: string | null;

  @Field(() => UuidScalar, { nullable: true, description: 'CASE identifier (UUID) of the CFDocument; given to every new one.' })
  @Column({ type: 'uuid', nullable: true, unique: true })
  caseIdentifier: string | null;

  /**
   * What a CASE import brought that has no column here: the CFDocument's other properties, the
   * package's other top-level members and the associations that are not the hierarchy. Exports
   * put them back, so a framework from elsewhere round-trips whole.
   */
  @Column({ type: 'jsonb', nullable: true })
  caseExtras: CaseFrameworkExtras | null;

  /** Every new row gets its CASE identifier, so its first export already names it for good. */
  @BeforeInsert()
  assignCaseIdentifier(): void {
    this.caseIdentifier ??= randomUUID();
  }
}
