import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Node } from '../../core/node';
import { Competency } from '../standards/competency.entity';
import { Occupation } from './occupation.entity';
import { PublicData } from '../../core/public-data';

@PublicData()
@ObjectType({ implements: Node, description: 'Links a competency to an occupation; core ones define what a pathway must cover.' })
@Entity()
@Unique('uq_occupation_competency__pair', ['occupationId', 'competencyId'])
export class OccupationCompetency extends BaseEntity {
  @Index()
  @Column({ type: 'int' })
  occupationId: number;

  @ManyToOne(() => Occupation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'occupation_id' })
  occupation?: Occupation;

  @Index()
  @Column({ type: 'int' })
  competencyId: number;

  @ManyToOne(() => Competency, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'competency_id' })
  competency?: Competency;

  @Field(() => Boolean, { description: 'Core competencies count toward pathway coverage.' })
  @Column({ type: 'boolean', default: true })
  isCore: boolean;
}
