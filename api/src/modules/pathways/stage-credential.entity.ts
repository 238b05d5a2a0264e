import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Node } from '../../core/node';
import { Credential } from '../credentials/credential.entity';
import { PathwayStage } from './pathway-stage.entity';
import { ImmutableData, PublicData } from '../../core/public-data';

@PublicData()
@ObjectType({ implements: Node, description: 'A credential placed in a pathway stage.' })
@Entity()
@Unique('uq_stage_credential__stage_credential', ['stageId', 'credentialId'])
export class StageCredential extends BaseEntity {
  @Index()
  @Column({ type: 'int' })
  stageId: number;

  @ManyToOne(() => PathwayStage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'stage_id' })
  stage?: PathwayStage;

  @Index()
  @Column({ type: 'int' })
  credentialId: number;

  @ManyToOne(() => Credential, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'credential_id' })
  credential?: Credential;

  @ImmutableData()
  @Field(() => Int, { description: 'Order of the credential within its stage; lower comes first.' })
  @Column({ type: 'int', default: 0 })
  position: number;
}
