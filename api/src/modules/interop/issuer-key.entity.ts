import { Check, Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Employer } from '../employers/employer.entity';
import { Institution } from '../institutions/institution.entity';

/**
 * The Ed25519 key an issuer signs its learners' credentials with: one per issuer, made on first
 * need. The private half is stored only encrypted (see key-vault.ts); the public half is published.
 */
@Entity()
@Check('ck_issuer_key__issuer', '(institution_id IS NULL) <> (employer_id IS NULL)')
export class IssuerKey extends BaseEntity {
  @Column({ type: 'int', nullable: true, unique: true })
  institutionId: number | null;

  @ManyToOne(() => Institution, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'institution_id' })
  institution?: Institution;

  @Column({ type: 'int', nullable: true, unique: true })
  employerId: number | null;

  @ManyToOne(() => Employer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'employer_id' })
  employer?: Employer;

  /** RFC 7638 thumbprint of the public key: the fragment of the `kid` in every signature. */
  @Column({ type: 'text', unique: true })
  thumbprint: string;

  @Column({ type: 'jsonb' })
  publicJwk: Record<string, string>;

  /** AES-256-GCM: 12-byte nonce, 16-byte tag, then the ciphertext of the private JWK. */
  @Column({ type: 'bytea' })
  encryptedPrivateKey: Buffer;
}
