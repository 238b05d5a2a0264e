import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { ObjectType } from 'type-graphql';
import { BaseEntity } from '../../core/entity-base';
import { Node } from '../../core/node';
import { Occupation } from '../occupations/occupation.entity';
import { Pathway } from './pathway.entity';
import { PublicData } from '../../core/public-data';

@PublicData()
@ObjectType({ implements: Node, description: 'An occupation a pathway leads to.' })
@Entity()
@Unique('uq_pathway_destination__pair', ['pathwayId', 'occupationId'])
export class PathwayDestination extends BaseEntity {
  @Index()
  @Column({ type: 'int' })
  pathwayId: number;

  @ManyToOne(() => Pathway, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pathway_id' })
  pathway?: Pathway;

  @Index()
  @Column({ type: 'int' })
  occupationId: number;

  @ManyToOne(() => Occupation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'occupation_id' })
  occupation?: Occupation;
}
