import { Arg, Ctx, Field, FieldResolver, GraphQLISODateTime, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { assertCanWrite } from '../../core/access';
import { Context } from '../../core/context';
import { ErrorCode, UserError, userError, UserInputFailure } from '../../core/errors';
import { decodeId } from '../../core/input';
import { runMutation } from '../../core/mutation';
import { Viewer } from '../../core/viewer';
import { Employer } from '../employers/employer.entity';
import { Institution } from '../institutions/institution.entity';
import { findByEmail, hashPassword, issueToken, verifyPassword } from './auth.service';
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
export const MIN_PASSWORD_LENGTH = 12;

@InputType({ description: 'The account to deactivate.' })
export class UserDeactivateInput {
  @Field(() => String, { description: 'Global ID of the User. Not the administrator\'s own account.' })
  id: string;
}

@ObjectType({ description: 'What userDeactivate answers.' })
export class UserDeactivatePayload {
  @Field(() => User, { nullable: true, description: 'The account, now with deactivatedAt set; null when refused.' })
  user: User | null;

  @Field(() => [UserError], { description: 'Why it was refused (NOT_FOUND, INVALID_STATE for an account already deactivated or the administrator\'s own); empty on success.' })
  userErrors: UserError[];
}

@InputType({ description: 'The deactivated account to let sign in again.' })
export class UserReactivateInput {
  @Field(() => String, { description: 'Global ID of the User.' })
  id: string;
}

@ObjectType({ description: 'What userReactivate answers.' })
export class UserReactivatePayload {
  @Field(() => User, { nullable: true, description: 'The account, with deactivatedAt null again; null when refused.' })
  user: User | null;

  @Field(() => [UserError], { description: 'Why it was refused (NOT_FOUND, INVALID_STATE for an account that is not deactivated); empty on success.' })
  userErrors: UserError[];
}

@InputType({ description: 'The signed-in account\'s current password and the one to replace it.' })
export class PasswordChangeInput {
  @Field(() => String, { description: 'The password the account signs in with now.' })
  currentPassword: string;

  @Field(() => String, { description: `The new password: ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters, different from the current one.` })
  newPassword: string;
}

@ObjectType({ description: 'What passwordChange answers: a new token, since every earlier token of the account stops working.' })
export class PasswordChangePayload {
  @Field(() => String, { nullable: true, description: 'A new bearer token; null when refused, or when the request came with the console\'s cookie session (the cookie is renewed instead).' })
  token: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the new token or cookie session stops working; null when refused.' })
  expiresAt: Date | null;

  @Field(() => [UserError], { description: 'Why the change was refused (INVALID_CREDENTIALS for a wrong current password, REQUIRED, TOO_LONG, INVALID for a new password too short or unchanged); empty on success.' })
  userErrors: UserError[];
}

@InputType({ description: 'An account\'s credentials.' })
export class LoginInput {
  @Field(() => String, { description: 'The email address the account signs in with.' })
  email: string;

  @Field(() => String, { description: 'The account\'s password.' })
  password: string;
}

@Resolver(() => ViewerType)
export class AccountsResolver {
  @Mutation(() => LoginPayload, {
    description:
      'Exchanges an email and password for a bearer token. After LOGIN_FAILURES_PER_ACCOUNT_AND_ADDRESS failures in a row for one account from one address (default 10 within 15 minutes), or LOGIN_FAILURES_PER_ADDRESS failures from one address (default 100 in 24 hours), further attempts are refused with RATE_LIMITED (HTTP 429, Retry-After) until the wait is over; a success clears the account\'s count.',
  })
  async login(@Arg('input', () => LoginInput, { description: 'The email and password to sign in with.' }) { email, password }: LoginInput, @Ctx() ctx: Context): Promise<LoginPayload> {
    const refused = (error: UserError): LoginPayload => ({ token: null, expiresAt: null, viewer: null, userErrors: [error] });
    if (!email.trim()) return refused(userError(['input', 'email'], 'Enter your email', ErrorCode.REQUIRED));
    if (!password) return refused(userError(['input', 'password'], 'Enter your password', ErrorCode.REQUIRED));
    // No account's email holds U+0000, and PostgreSQL refuses to compare text that does.
    const address = ctx.clientAddress ?? 'unknown';
    await ctx.loginThrottle?.check(email, address);
    const wrong = async () => {
      await ctx.loginThrottle?.failed(email, address);
      return refused(userError(null, 'Email or password is wrong', ErrorCode.INVALID_CREDENTIALS));
    };
    // No account's email holds U+0000, and PostgreSQL refuses to compare text that does.
    if (password.length > MAX_PASSWORD_LENGTH || email.length > 320 || email.includes('\u0000')) return wrong();
    const user = await findByEmail(ctx.db, email);
    const valid = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !valid) return wrong();
    await ctx.loginThrottle?.succeeded(email, address);
    // Said only to someone who knows the password.
    if (user.deactivatedAt !== null) return refused(userError(null, 'This account has been deactivated', ErrorCode.INVALID_CREDENTIALS));
    const { token, expiresAt } = await issueToken(user);
    const viewer: Viewer = { role: user.role, userId: user.id, institutionId: user.institutionId, employerId: user.employerId };
    // The console asks for an httpOnly cookie instead, so no script on its pages can read the token.
    if (ctx.session?.wanted) {
      ctx.session.set(token, expiresAt);
      return { token: null, expiresAt, viewer, userErrors: [] };
    }
    return { token, expiresAt, viewer, userErrors: [] };
  }

  @Mutation(() => UserDeactivatePayload, { description: 'Deactivates an account (administrators only): it can no longer sign in, and its tokens and console sessions stop working at once.' })
  userDeactivate(@Arg('input', () => UserDeactivateInput, { description: 'The account to deactivate.' }) input: UserDeactivateInput, @Ctx() ctx: Context): Promise<UserDeactivatePayload> {
    return runMutation<UserDeactivatePayload>(ctx, async (em) => {
      const id = decodeId(input.id, ['User'], ['input', 'id']);
      const user = await em.getRepository(User).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw UserInputFailure.of(['input', 'id'], 'No account has that ID', ErrorCode.NOT_FOUND);
      await assertCanWrite(ctx, em, user);
      if (user.id === ctx.viewer.userId) throw UserInputFailure.of(['input', 'id'], 'You cannot deactivate your own account', ErrorCode.INVALID_STATE);
      if (user.deactivatedAt !== null) throw UserInputFailure.of(['input', 'id'], 'This account is already deactivated', ErrorCode.INVALID_STATE);
      await em.getRepository(User).update(user.id, { deactivatedAt: () => 'now()' });
      return { user: await em.getRepository(User).findOneByOrFail({ id: user.id }) };
    }, { user: null });
  }

  @Mutation(() => UserReactivatePayload, { description: 'Lets a deactivated account sign in again (administrators only). Tokens and sessions from before the deactivation stay ended: the account signs in anew.' })
  userReactivate(@Arg('input', () => UserReactivateInput, { description: 'The account to reactivate.' }) input: UserReactivateInput, @Ctx() ctx: Context): Promise<UserReactivatePayload> {
    return runMutation<UserReactivatePayload>(ctx, async (em) => {
      const id = decodeId(input.id, ['User'], ['input', 'id']);
      const user = await em.getRepository(User).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw UserInputFailure.of(['input', 'id'], 'No account has that ID', ErrorCode.NOT_FOUND);
      await assertCanWrite(ctx, em, user);
      if (user.deactivatedAt === null) throw UserInputFailure.of(['input', 'id'], 'This account is not deactivated', ErrorCode.INVALID_STATE);
      await em.getRepository(User).update(user.id, { deactivatedAt: null });
      return { user: await em.getRepository(User).findOneByOrFail({ id: user.id }) };
    }, { user: null });
  }

  @Mutation(() => PasswordChangePayload, { description: 'Changes the signed-in account\'s password, given the current one. Every earlier token and console session of the account stops working; the answer carries a new one.' })
  async passwordChange(@Arg('input', () => PasswordChangeInput, { description: 'The current and the new password.' }) input: PasswordChangeInput, @Ctx() ctx: Context): Promise<PasswordChangePayload> {
    const payload = await runMutation<PasswordChangePayload>(ctx, async (em) => {
      const { currentPassword, newPassword } = input;
      if (!currentPassword) throw UserInputFailure.of(['input', 'currentPassword'], 'Enter your current password', ErrorCode.REQUIRED);
      if (!newPassword) throw UserInputFailure.of(['input', 'newPassword'], 'Enter a new password', ErrorCode.REQUIRED);
      if (newPassword.length > MAX_PASSWORD_LENGTH) throw UserInputFailure.of(['input', 'newPassword'], `Use at most ${MAX_PASSWORD_LENGTH} characters`, ErrorCode.TOO_LONG);
      if (newPassword.length < MIN_PASSWORD_LENGTH) throw UserInputFailure.of(['input', 'newPassword'], `Use at least ${MIN_PASSWORD_LENGTH} characters`, ErrorCode.INVALID);
      const user = await em.getRepository(User).findOne({ where: { id: ctx.viewer.userId! }, lock: { mode: 'pessimistic_write' } });
      if (!user || currentPassword.length > MAX_PASSWORD_LENGTH || !(await verifyPassword(user.passwordHash, currentPassword))) {
        throw UserInputFailure.of(['input', 'currentPassword'], 'The current password is wrong', ErrorCode.INVALID_CREDENTIALS);
      }
      if (await verifyPassword(user.passwordHash, newPassword)) throw UserInputFailure.of(['input', 'newPassword'], 'Choose a password different from the current one', ErrorCode.INVALID);
      await em.getRepository(User).update(user.id, { passwordHash: await hashPassword(newPassword) });
      return issueToken(await em.getRepository(User).findOneByOrFail({ id: user.id }));
    }, { token: null, expiresAt: null });
    // The console's cookie changes only once the new password is committed: a change rolled back
    // would leave it holding a token of a version the account never reached, which signs it out.
    if (payload.token && payload.expiresAt && ctx.session?.wanted) {
      ctx.session.set(payload.token, payload.expiresAt);
      return { ...payload, token: null };
    }
    return payload;
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
