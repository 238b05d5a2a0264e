import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Employer } from '../employers/employer.entity';
import { Institution } from '../institutions/institution.entity';

/**
 * A key an issuer signs its learners' credentials with: one current key per issuer and algorithm
 * (RS256 and EdDSA), made on first need. A rotated key is retired, not deleted: it stays published
 * so the awards it signed keep verifying. The private half is stored only encrypted (see
 * key-vault.ts); the public half is published.
 */
@Entity()
@Check('ck_issuer_key__issuer', '(institution_id IS NULL) <> (employer_id IS NULL)')
@Check('ck_issuer_key__algorithm', `algorithm IN ('RS256', 'EdDSA')`)
@Index('uq_issuer_key__current_institution', ['institutionId', 'algorithm'], { unique: true, where: 'retired_at IS NULL' })
@Index('uq_issuer_key__current_employer', ['employerId', 'algorithm'], { unique: true, where: 'retired_at IS NULL' })
export class IssuerKey extends BaseEntity {
  @Column({ type: 'int', nullable: true })
  institutionId: number | null;

  @ManyToOne(() => Institution, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'institution_id' })
  institution?: Institution;

  @Column({ type: 'int', nullable: true })
  employerId: number | null;

  @ManyToOne(() => Employer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employer_id' })
  employer?: Employer;

  /** RFC 7638 thumbprint of the public key: the fragment of the `kid` in every signature. */
  @Column({ type: 'text', unique: true })
  thumbprint: string;

  @Column({ type: 'jsonb' })
  publicJwk: Record<string, string>;

  @Column({ type: 'text' })
  algorithm: string;

  /** When the key stopped signing new awards; it still verifies the ones it signed. */
  @Column({ type: 'timestamptz', nullable: true })
  retiredAt: Date | null;

  /** AES-256-GCM: 12-byte nonce, 16-byte tag, then the ciphertext of the private JWK. */
  @Column({ type: 'bytea' })
  encryptedPrivateKey: Buffer;
}
