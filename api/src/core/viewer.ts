import { Role } from '../modules/accounts/user.entity';

/** Who is asking: the role and the organisation it acts for, taken from a verified token. */
export interface Viewer {
  role: Role;
  userId: number | null;
  institutionId: number | null;
  employerId: number | null;
}

export const PUBLIC_VIEWER: Viewer = Object.freeze({ role: Role.PUBLIC, userId: null, institutionId: null, employerId: null });
