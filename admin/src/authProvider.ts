import { AuthProvider } from 'react-admin';
import { gql, session } from './graphql';

interface LoginResult {
  login: { token: string | null; viewer: { role: string } | null; userErrors: { message: string }[] };
}

/** Signs in through the `login` mutation; the role becomes react-admin's permissions. */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const { login } = await gql<LoginResult>(
      `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token viewer { role } userErrors { message } } }`,
      { email: username, password },
    );
    if (!login.token || !login.viewer) throw new Error(login.userErrors[0]?.message ?? 'Sign-in failed');
    session.save(login.token, login.viewer.role);
  },
  async logout() {
    session.clear();
  },
  async checkAuth() {
    if (!session.token()) throw new Error('Sign in first');
  },
  async checkError(error: { status?: number }) {
    if (error.status === 401) {
      session.clear();
      throw new Error('Your session has ended: sign in again');
    }
  },
  async getPermissions() {
    return session.role();
  },
  async getIdentity() {
    const { me } = await gql<{ me: { role: string; user: { id: string; displayName: string } | null } }>(`{ me { role user { id displayName } } }`);
    return { id: me.user?.id ?? 'public', fullName: me.user ? `${me.user.displayName} (${me.role.toLowerCase().replace('_', ' ')})` : 'Public' };
  },
};
