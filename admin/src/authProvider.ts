import { AuthProvider, HttpError } from 'ra-core';
import { roleCan } from './common/access';
import { gql, session } from './graphql';

interface LoginResult {
  login: { viewer: { role: string } | null; userErrors: { message: string }[] };
}

interface MeResult {
  me: { role: string; user: { id: string; displayName: string } | null };
}

export interface Credentials {
  email: string;
  password: string;
}

const roleLabel = (role: string) => role.charAt(0) + role.slice(1).toLowerCase().replace(/_/g, ' ');

/** Signs in through the API's `login` mutation; the account's role becomes react-admin's permissions. */
export const authProvider: AuthProvider = {
  async login({ email, password }: Credentials) {
    // A role left from a session that has ended would make the sign-in itself count as that session.
    session.clear();
    const { login } = await gql<LoginResult>(
      `mutation Login($input: LoginInput!) { login(input: $input) { viewer { role } userErrors { message } } }`,
      { input: { email, password } },
    );
    if (!login.viewer) throw new Error(login.userErrors[0]?.message ?? 'Sign-in failed');
    session.save(login.viewer.role);
  },

  async logout() {
    session.clear();
    await gql(`mutation Logout { logout }`).catch(() => undefined);
  },

  /** Without a session react-admin shows the sign-in page, which says all there is to say: no notification. */
  async checkAuth() {
    if (!session.role()) throw { message: false };
  },

  /** A refused or expired token ends the session; a refusal for lack of rights does not. */
  async checkError(error: HttpError) {
    if (error?.status === 401) {
      session.clear();
      throw new Error('Your session has ended: sign in again');
    }
  },

  async getPermissions() {
    return session.role();
  },

  /** react-admin hides menu items, buttons and pages the role cannot use (see common/access.ts). */
  async canAccess({ resource, action }) {
    return roleCan(session.role(), resource, action);
  },

  async getIdentity() {
    const { me } = await gql<MeResult>(`query Me { me { role user { id displayName } } }`);
    if (!me.user) throw new Error('Sign in first');
    return { id: me.user.id, fullName: `${me.user.displayName} · ${roleLabel(me.role)}` };
  },
};
