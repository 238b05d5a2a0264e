import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Award } from '../learners/award.entity';
import { IssuerKey } from './issuer-key.entity';

/** The signed Open Badges credential of an award: the latest one issued, replaced when the award changes. */
@Entity()
export class AwardCredential extends BaseEntity {
  @Column({ type: 'int', unique: true })
  awardId: number;

  @ManyToOne(() => Award, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'award_id' })
  award?: Award;

  @Index()
  @Column({ type: 'int' })
  issuerKeyId: number;

  @ManyToOne(() => IssuerKey, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issuer_key_id' })
  issuerKey?: IssuerKey;

  /** The credential as a compact VC-JWT (application/vc+jwt). */
  @Column({ type: 'text' })
  jwt: string;
}
