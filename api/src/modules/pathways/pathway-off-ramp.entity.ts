import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { ObjectType } from 'type-graphql';
import { BaseEntity } from '../../core/entity-base';
import { Node } from '../../core/node';
import { Credential } from '../credentials/credential.entity';
import { Occupation } from '../occupations/occupation.entity';
import { Pathway } from './pathway.entity';
import { PublicData } from '../../core/public-data';

@PublicData()
@ObjectType({ implements: Node, description: 'A credential partway through a pathway that already leads to a job of its own.' })
@Entity()
@Unique('uq_pathway_off_ramp__pair', ['pathwayId', 'credentialId'])
export class PathwayOffRamp extends BaseEntity {
  @Index()
  @Column({ type: 'int' })
  pathwayId: number;

  @ManyToOne(() => Pathway, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pathway_id' })
  pathway?: Pathway;

  @Index()
  @Column({ type: 'int' })
  credentialId: number;

  @ManyToOne(() => Credential, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'credential_id' })
  credential?: Credential;

  @Index()
  @Column({ type: 'int' })
  occupationId: number;

  @ManyToOne(() => Occupation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'occupation_id' })
  occupation?: Occupation;
}
