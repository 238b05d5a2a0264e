import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Node } from '../../core/node';
import { numeric } from '../../core/scalars';
import { Credential } from '../credentials/credential.entity';
import { ArticulationAgreement } from './articulation-agreement.entity';
import { PublicData } from '../../core/public-data';

@PublicData()
@ObjectType({ implements: Node, description: 'What one credential is worth under an agreement.' })
@Entity()
@Unique('uq_credit_mapping__agreement_credential', ['agreementId', 'credentialId'])
@Check('ck_credit_mapping__credits', 'credits >= 0')
@Check('ck_credit_mapping__min_mastery_level', 'min_mastery_level >= 1')
export class CreditMapping extends BaseEntity {
  @Index()
  @Column({ type: 'int' })
  agreementId: number;

  @ManyToOne(() => ArticulationAgreement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: ArticulationAgreement;

  @Index()
  @Column({ type: 'int' })
  credentialId: number;

  @ManyToOne(() => Credential, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'credential_id' })
  credential?: Credential;

  @Field(() => Float, { description: 'Degree credits a valid award of the credential gives, before the program\'s limits.' })
  @Column({ type: 'numeric', precision: 6, scale: 2, transformer: numeric })
  credits: number;

  @Field(() => String, { nullable: true, description: 'Course it stands for, e.g. "CIS-105"; credit for one course counts once.' })
  @Column({ type: 'text', nullable: true })
  courseEquivalent: string | null;

  @Field(() => Int, { nullable: true, description: 'Lowest rubric mastery level an award must reach.' })
  @Column({ type: 'int', nullable: true })
  minMasteryLevel: number | null;
}
