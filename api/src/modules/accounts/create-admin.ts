import { DataSource } from 'typeorm';
import { hashPassword } from './auth.service';
import { Role, User } from './user.entity';

export const MIN_ADMIN_PASSWORD_LENGTH = 12;

/**
 * Creates an ADMIN account, or resets the password (and role) of the account with that email.
 * Production never loads demo accounts: this is how its first account comes to exist.
 */
export async function createAdmin(db: DataSource, email: string, password: string, displayName = 'Administrator'): Promise<{ user: User; created: boolean }> {
  const normalised = email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(normalised)) throw new Error(`"${email}" is not an email address`);
  if (password.length < MIN_ADMIN_PASSWORD_LENGTH) throw new Error(`The password must be at least ${MIN_ADMIN_PASSWORD_LENGTH} characters`);
  const passwordHash = await hashPassword(password);
  const repository = db.getRepository(User);
  const existing = await repository.findOne({ where: { email: normalised } });
  if (existing) {
    await repository.update(existing.id, { passwordHash, role: Role.ADMIN, institutionId: null, employerId: null });
    return { user: (await repository.findOneByOrFail({ id: existing.id })), created: false };
  }
  const user = await repository.save(repository.create({ email: normalised, displayName, passwordHash, role: Role.ADMIN, institutionId: null, employerId: null }));
  return { user, created: true };
}
