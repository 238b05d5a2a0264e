import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Credential } from './credential.entity';

/** A credential that must be earned before another; the graph must stay acyclic. */
@Entity()
@Check('ck_credential_prerequisite__prerequisite_id', 'credential_id <> prerequisite_id')
export class CredentialPrerequisite {
  @PrimaryColumn({ type: 'int' })
  credentialId: number;

  @ManyToOne(() => Credential, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'credential_id' })
  credential?: Credential;

  @Index()
  @PrimaryColumn({ type: 'int' })
  prerequisiteId: number;

  @ManyToOne(() => Credential, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'prerequisite_id' })
  prerequisite?: Credential;
}
