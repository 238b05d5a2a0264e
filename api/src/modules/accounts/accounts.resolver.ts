import { Arg, Ctx, Field, FieldResolver, GraphQLISODateTime, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Context } from '../../core/context';
import { ErrorCode, UserError, userError } from '../../core/errors';
import { Viewer } from '../../core/viewer';
import { Employer } from '../employers/employer.entity';
import { Institution } from '../institutions/institution.entity';
import { findByEmail, issueToken, verifyPassword } from './auth.service';
import { Role, User } from './user.entity';

@ObjectType('Viewer', { description: 'Who the request is made as.' })
export class ViewerType {
  @Field(() => Role, { description: 'What the viewer may read and change; PUBLIC without a token.' })
  role: Role;

  userId: number | null;
  institutionId: number | null;
  employerId: number | null;
}

@ObjectType({ description: 'What login answers: a token, or userErrors saying why the sign-in was refused.' })
export class LoginPayload {
  @Field(() => String, { nullable: true, description: 'Send as `Authorization: Bearer <token>`; null when the request asked for a cookie session (header `X-Pathforge-Session: cookie`).' })
  token: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the token or cookie session stops working (8 hours after sign-in unless AUTH_TOKEN_TTL_SECONDS says otherwise); null when refused.' })
  expiresAt: Date | null;

  @Field(() => ViewerType, { nullable: true, description: 'Who the new session acts as; null when refused.' })
  viewer: Viewer | null;

  @Field(() => [UserError], { description: 'Why the sign-in was refused (REQUIRED, INVALID_CREDENTIALS); empty on success.' })
  userErrors: UserError[];
}

const MAX_PASSWORD_LENGTH = 1024;

@InputType({ description: 'An account\'s credentials.' })
export class LoginInput {
  @Field(() => String, { description: 'The email address the account signs in with.' })
  email: string;

  @Field(() => String, { description: 'The account\'s password.' })
  password: string;
}

@Resolver(() => ViewerType)
export class AccountsResolver {
  @Mutation(() => LoginPayload, { description: 'Exchanges an email and password for a bearer token.' })
  async login(@Arg('input', () => LoginInput, { description: 'The email and password to sign in with.' }) { email, password }: LoginInput, @Ctx() ctx: Context): Promise<LoginPayload> {
    const refused = (error: UserError): LoginPayload => ({ token: null, expiresAt: null, viewer: null, userErrors: [error] });
    if (!email.trim()) return refused(userError(['input', 'email'], 'Enter your email', ErrorCode.REQUIRED));
    if (!password) return refused(userError(['input', 'password'], 'Enter your password', ErrorCode.REQUIRED));
    // No account's email holds U+0000, and PostgreSQL refuses to compare text that does.
    if (password.length > MAX_PASSWORD_LENGTH || email.length > 320 || email.includes('\u0000')) {
      return refused(userError(null, 'Email or password is wrong', ErrorCode.INVALID_CREDENTIALS));
    }
    const user = await findByEmail(ctx.db, email);
    const valid = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !valid) return refused(userError(null, 'Email or password is wrong', ErrorCode.INVALID_CREDENTIALS));
    const { token, expiresAt } = await issueToken(user);
    const viewer: Viewer = { role: user.role, userId: user.id, institutionId: user.institutionId, employerId: user.employerId };
    // The console asks for an httpOnly cookie instead, so no script on its pages can read the token.
    if (ctx.session?.wanted) {
      ctx.session.set(token, expiresAt);
      return { token: null, expiresAt, viewer, userErrors: [] };
    }
    return { token, expiresAt, viewer, userErrors: [] };
  }

  @Mutation(() => Boolean, { description: 'Ends the console’s cookie session (a bearer token simply expires).' })
  logout(@Ctx() ctx: Context): boolean {
    ctx.session?.clear();
    return true;
  }

  @Query(() => ViewerType, { description: 'Who this request is made as; role PUBLIC without a token.' })
  me(@Ctx() ctx: Context): Viewer {
    return ctx.viewer;
  }

  @FieldResolver(() => User, { nullable: true, description: 'The signed-in account; null for the public.' })
  user(@Root() viewer: Viewer, @Ctx() ctx: Context) {
    return viewer.userId === null ? null : ctx.loaders.byId(User).load(viewer.userId);
  }

  @FieldResolver(() => Institution, { nullable: true, description: 'The institution a staff member or advisor acts for.' })
  institution(@Root() viewer: Viewer, @Ctx() ctx: Context) {
    return viewer.institutionId === null ? null : ctx.loaders.one(Institution, viewer.institutionId);
  }

  @FieldResolver(() => Employer, { nullable: true, description: 'The employer a partner acts for.' })
  employer(@Root() viewer: Viewer, @Ctx() ctx: Context) {
    return viewer.employerId === null ? null : ctx.loaders.one(Employer, viewer.employerId);
  }
}
