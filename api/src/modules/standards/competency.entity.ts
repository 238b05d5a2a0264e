import { randomUUID } from 'node:crypto';
import { UuidScalar } from '../../core/scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BeforeInsert, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Node } from '../../core/node';
import { CaseItemExtras } from './case-package.types';
import { CompetencyFramework } from './competency-framework.entity';
import { PublicData } from '../../core/public-data';

export enum CompetencyType {
  KNOWLEDGE = 'KNOWLEDGE',
  SKILL = 'SKILL',
  TASK = 'TASK',
  ABILITY = 'ABILITY',
}
registerEnumType(CompetencyType, {
  name: 'CompetencyType',
  description: 'What kind of statement a competency is (CASE CFItemType).',
  valuesConfig: {
    KNOWLEDGE: { description: 'Something a worker must know.' },
    SKILL: { description: 'Something a worker must be able to do, learned by practice.' },
    TASK: { description: 'A piece of work the occupation performs.' },
    ABILITY: { description: 'A lasting capacity the work relies on.' },
  },
});

@PublicData()
@ObjectType({ implements: Node, description: 'What a worker must know or do (CASE CFItem, ceasn:Competency).' })
@Entity()
@Unique('uq_competency__framework_code', ['frameworkId', 'code'])
export class Competency extends BaseEntity {
  @Index()
  @Column({ type: 'int' })
  frameworkId: number;

  @ManyToOne(() => CompetencyFramework, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'framework_id' })
  framework?: CompetencyFramework;

  @Field(() => String, { description: 'Code within its framework, e.g. "ITS-1.2"; sorts with numbers compared as numbers (AH-5.2 before AH-5.10).' })
  @Column({ type: 'text', collation: 'natural' })
  code: string;

  @Field(() => String, { description: 'What the worker must know or do, in the framework\'s words.' })
  @Index('ix_competency__statement_trgm', { synchronize: false })
  @Column({ type: 'text' })
  statement: string;

  @Field(() => CompetencyType, { description: 'Knowledge, skill, task or ability.' })
  @Index()
  @Column({ type: 'enum', enum: CompetencyType, enumName: 'competency_type' })
  type: CompetencyType;

  @Index()
  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  @ManyToOne(() => Competency, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Competency;

  @Field(() => UuidScalar, { nullable: true, description: 'CASE identifier (UUID) of the CFItem; given to every new one.' })
  @Column({ type: 'uuid', nullable: true, unique: true })
  caseIdentifier: string | null;

  /**
   * What a CASE import brought that has no column here: the CFItem's other properties, and its
   * isChildOf association when that carried more than an export would generate.
   */
  @Column({ type: 'jsonb', nullable: true })
  caseExtras: CaseItemExtras | null;

  /** Every new row gets its CASE identifier, so its first export already names it for good. */
  @BeforeInsert()
  assignCaseIdentifier(): void {
    this.caseIdentifier ??= randomUUID();
  }
}
