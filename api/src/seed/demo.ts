import { DataSource } from 'typeorm';

export async function isEmpty(db: DataSource): Promise<boolean> {
  const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM institution`);
  return count === 0;
}

export async function seedDemoData(_db: DataSource): Promise<void> {}
