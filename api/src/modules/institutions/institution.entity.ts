import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../core/entity-base';
import { Node } from '../../core/node';
import { PublicData } from '../../core/public-data';

export enum InstitutionKind {
  COMMUNITY_COLLEGE = 'COMMUNITY_COLLEGE',
  TECHNICAL_COLLEGE = 'TECHNICAL_COLLEGE',
  UNIVERSITY = 'UNIVERSITY',
  TRAINING_PROVIDER = 'TRAINING_PROVIDER',
}
registerEnumType(InstitutionKind, {
  name: 'InstitutionKind',
  description: "What kind of organisation an institution is.",
  valuesConfig: { COMMUNITY_COLLEGE: { description: "A public two-year college." }, TECHNICAL_COLLEGE: { description: "A college of technical and vocational programs." }, UNIVERSITY: { description: "A university awarding bachelor's degrees and above." }, TRAINING_PROVIDER: { description: "A provider of non-degree training." } },
});

@PublicData()
@ObjectType({ implements: Node, description: 'A college or training provider that issues credentials and owns degree programs.' })
@Entity()
export class Institution extends BaseEntity {
  @Field(() => String, { description: 'The institution\'s name.' })
  @Index('ix_institution__name_trgm', { synchronize: false })
  @Column({ type: 'text', unique: true })
  name: string;

  @Field(() => InstitutionKind, { description: 'What kind of institution it is.' })
  @Column({ type: 'enum', enum: InstitutionKind, enumName: 'institution_kind' })
  kind: InstitutionKind;

  @Field(() => String, { nullable: true, description: 'Region served, e.g. a state or metro area.' })
  @Index()
  @Column({ type: 'text', nullable: true })
  region: string | null;

  @Field(() => String, { description: 'The institution\'s web site.', nullable: true })
  @Column({ type: 'text', nullable: true })
  websiteUrl: string | null;
}
