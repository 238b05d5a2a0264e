import { Field, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { Node } from '../../core/node';
import { numeric } from '../../core/scalars';
import { BaseEntity } from '../../core/entity-base';
import { Pathway } from '../pathways/pathway.entity';

/**
 * Outcomes of one cohort of a pathway. The counts are not plain fields: their resolvers suppress
 * any count under the privacy threshold outside the owning institution (outcome.resolver.ts).
 */
@ObjectType({ implements: Node, description: 'Outcomes of one cohort of a pathway: enrolled, completed, placed within 180 days, wages.' })
@Entity()
@Unique('uq_outcome_report__pathway_cohort', ['pathwayId', 'cohort'])
@Check('ck_outcome_report__enrolled', 'enrolled >= 0')
@Check('ck_outcome_report__completed', 'completed >= 0 AND completed <= enrolled')
@Check('ck_outcome_report__placed', 'placed >= 0 AND placed <= completed')
@Check('ck_outcome_report__median_wage_before', 'median_wage_before >= 0')
@Check('ck_outcome_report__median_wage_after', 'median_wage_after >= 0')
export class OutcomeReport extends BaseEntity {
  @Index()
  @Column({ type: 'int' })
  pathwayId: number;

  @ManyToOne(() => Pathway, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pathway_id' })
  pathway?: Pathway;

  @Field(() => String, { description: 'The cohort, e.g. "2025 spring".' })
  @Column({ type: 'text' })
  cohort: string;

  @Column({ type: 'int' })
  enrolled: number;

  @Column({ type: 'int' })
  completed: number;

  @Column({ type: 'int', comment: 'Placed in the destination occupation within 180 days of completing.' })
  placed: number;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: numeric })
  medianWageBefore: number | null;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: numeric })
  medianWageAfter: number | null;
}

