import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Node } from '../../core/node';
import { Competency } from '../standards/competency.entity';
import { LearningOutcome } from './learning-outcome.entity';
import { PublicData } from '../../core/public-data';

export enum AlignmentStrength {
  EXACT = 'EXACT',
  PARTIAL = 'PARTIAL',
  RELATED = 'RELATED',
}
registerEnumType(AlignmentStrength, {
  name: 'AlignmentStrength',
  description: 'EXACT and PARTIAL count toward coverage; RELATED is shown only.',
  valuesConfig: {
    EXACT: { description: 'The outcome fully demonstrates the competency; counts toward coverage.' },
    PARTIAL: { description: 'The outcome demonstrates part of the competency; counts toward coverage.' },
    RELATED: { description: 'The outcome touches on the competency; shown in the crosswalk but does not count toward coverage.' },
  },
});

@PublicData()
@ObjectType({ implements: Node, description: 'A crosswalk entry: a learning outcome aligned to a competency (CASE CFAssociation, OB3 Alignment).' })
@Entity()
@Unique('uq_alignment__outcome_competency', ['outcomeId', 'competencyId'])
export class Alignment extends BaseEntity {
  @Index()
  @Column({ type: 'int' })
  outcomeId: number;

  @ManyToOne(() => LearningOutcome, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'outcome_id' })
  outcome?: LearningOutcome;

  @Index()
  @Column({ type: 'int' })
  competencyId: number;

  @ManyToOne(() => Competency, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'competency_id' })
  competency?: Competency;

  @Field(() => AlignmentStrength, { description: 'How closely the outcome matches the competency; only EXACT and PARTIAL count toward coverage.' })
  @Column({ type: 'enum', enum: AlignmentStrength, enumName: 'alignment_strength' })
  strength: AlignmentStrength;
}
