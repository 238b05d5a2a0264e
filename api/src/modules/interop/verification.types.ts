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
  valuesConfig: {
    FORMAT: { description: 'The text is a VC-JWT holding an Open Badges 3.0 credential; when it fails, the other checks are not run and fail too.' },
    SIGNATURE: { description: 'The signature verifies with our key named by the header\'s kid, using that key\'s algorithm.' },
    ISSUER: { description: 'The signing key belongs to the issuer the credential names, and that issuer still exists.' },
    VALIDITY: { description: 'validFrom (and validUntil, when given) hold at the moment of verification.' },
    REVOCATION: { description: 'The award is not revoked, and this is the credential currently issued for it.' },
  },
});

@ObjectType({ description: 'One check of a credential verification.' })
export class VerificationCheck {
  @Field(() => VerificationCheckName, { description: 'Which check this is.' })
  check: VerificationCheckName;

  @Field(() => Boolean, { description: 'Whether the credential passed it.' })
  passed: boolean;

  @Field(() => String, { description: 'What was found, in English, e.g. "The issuer revoked this award on 2026-03-01".' })
  message: string;
}

@ObjectType({ description: 'Whether a credential verifies, and the outcome of each check.' })
export class CredentialVerification {
  @Field(() => Boolean, { description: 'True when every check passed.' })
  verified: boolean;

  @Field(() => [VerificationCheck], { description: 'Every check, in the order FORMAT, SIGNATURE, ISSUER, VALIDITY, REVOCATION; all run, so every problem shows at once.' })
  checks: VerificationCheck[];
}
