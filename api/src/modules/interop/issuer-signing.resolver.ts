import { Arg, Ctx, Field, ID, InputType, Mutation, ObjectType, registerEnumType, Resolver } from 'type-graphql';
import { actsForEmployer, actsForInstitution, isAdmin } from '../../core/access';
import { Context } from '../../core/context';
import { ErrorCode, UserError, UserInputFailure } from '../../core/errors';
import { fromGlobalId } from '../../core/ids';
import { runMutation } from '../../core/mutation';
import { Role } from '../accounts/user.entity';
import { IssuerRef } from './identifiers';
import { keyIdOf, rotateIssuerKey, setSigningAlgorithm, signingAlgorithmOf, SigningAlgorithm, currentSigningKey } from './issuer-keys.service';

export enum SigningAlgorithmName {
  RS256 = 'RS256',
  EdDSA = 'EdDSA',
}
registerEnumType(SigningAlgorithmName, {
  name: 'SigningAlgorithm',
  description: 'How an issuer signs awards: RS256 (the default; every Open Badges 3.0 verifier supports it) or EdDSA (Ed25519).',
});

@InputType()
export class IssuerSigningSetInput {
  @Field(() => ID, { description: 'The Institution or Employer that issues the awards.' })
  issuerId: string;

  @Field(() => SigningAlgorithmName, { nullable: true, description: 'The algorithm new awards are signed with; unchanged when omitted.' })
  algorithm?: SigningAlgorithmName | null;

  @Field(() => Boolean, { nullable: true, description: 'Retire the current key of that algorithm and sign from now on with a new one. Awards signed before still verify: retired keys stay published.' })
  rotate?: boolean | null;
}

@ObjectType()
export class IssuerSigningSetPayload {
  @Field(() => SigningAlgorithmName, { nullable: true })
  algorithm: SigningAlgorithmName | null;

  @Field(() => String, { nullable: true, description: 'The `kid` that signs the issuer\'s next award.' })
  keyId: string | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

const mayManage = (ctx: Context, issuer: IssuerRef) =>
  isAdmin(ctx) ||
  (issuer.type === 'Institution' && ctx.viewer.role === Role.INSTITUTION_STAFF && actsForInstitution(ctx, issuer.id)) ||
  (issuer.type === 'Employer' && ctx.viewer.role === Role.EMPLOYER_PARTNER && actsForEmployer(ctx, issuer.id));

@Resolver()
export class IssuerSigningResolver {
  @Mutation(() => IssuerSigningSetPayload, { description: 'Chooses the algorithm an issuer signs awards with, and rotates its key. For the issuer\'s own staff.' })
  issuerSigningSet(@Arg('input', () => IssuerSigningSetInput) input: IssuerSigningSetInput, @Ctx() ctx: Context): Promise<IssuerSigningSetPayload> {
    return runMutation<IssuerSigningSetPayload>(ctx, async (em) => {
      const decoded = fromGlobalId(input.issuerId);
      if (!decoded || (decoded.typeName !== 'Institution' && decoded.typeName !== 'Employer')) {
        throw UserInputFailure.of(['input', 'issuerId'], 'This is not the ID of an institution or employer', ErrorCode.INVALID_ID);
      }
      const issuer: IssuerRef = { type: decoded.typeName, id: decoded.localId };
      const exists = await em.getRepository(issuer.type).exist({ where: { id: issuer.id } });
      if (!exists) throw UserInputFailure.of(['input', 'issuerId'], 'No institution or employer has this ID', ErrorCode.NOT_FOUND);
      if (!mayManage(ctx, issuer)) throw UserInputFailure.of(['input', 'issuerId'], 'Only the issuer\'s own staff may change how it signs', ErrorCode.ROLE_NOT_ALLOWED);
      if (input.algorithm) await setSigningAlgorithm(em, issuer, input.algorithm as SigningAlgorithm);
      const algorithm = await signingAlgorithmOf(em, issuer);
      const key = input.rotate ? await rotateIssuerKey(em, issuer, algorithm) : await currentSigningKey(em, issuer);
      return { algorithm: algorithm as SigningAlgorithmName, keyId: keyIdOf(key) };
    }, { algorithm: null, keyId: null });
  }
}
