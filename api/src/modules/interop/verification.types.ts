import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum VerificationCheckName {
  FORMAT = 'FORMAT',
  SIGNATURE = 'SIGNATURE',
  ISSUER = 'ISSUER',
  VALIDITY = 'VALIDITY',
  REVOCATION = 'REVOCATION',
}
registerEnumType(VerificationCheckName, {
  name: 'VerificationCheckName',
  description: 'FORMAT: a VC-JWT holding an Open Badges credential; SIGNATURE: it verifies with the key in its header; ISSUER: that key belongs to the issuer it names; VALIDITY: validFrom/validUntil hold now; REVOCATION: the award stands and this is its current credential.',
});

@ObjectType({ description: 'One check of a credential verification.' })
export class VerificationCheck {
  @Field(() => VerificationCheckName)
  check: VerificationCheckName;

  @Field(() => Boolean)
  passed: boolean;

  @Field(() => String)
  message: string;
}

@ObjectType({ description: 'Whether a credential verifies, and the outcome of each check.' })
export class CredentialVerification {
  @Field(() => Boolean, { description: 'True when every check passed.' })
  verified: boolean;

  @Field(() => [VerificationCheck])
  checks: VerificationCheck[];
}
