import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { Context } from '../../core/context';
import { AchievementSources, loadAchievementSources } from './achievement.export';
import { AwardCredential } from './award-credential.entity';
import { loadPathwaySources, PathwaySources } from './pathway-ctdl.export';

export const achievementSources = (ctx: Context) =>
  ctx.loaders.custom('interop:achievementSources', (db) => new DataLoader<number, AchievementSources | null>((ids) => loadAchievementSources(db.manager, ids)));

export const pathwaySources = (ctx: Context) =>
  ctx.loaders.custom('interop:pathwaySources', (db) => new DataLoader<number, PathwaySources | null>((ids) => loadPathwaySources(db.manager, ids)));

/** The stored VC-JWT of each award, or null for awards recorded before credentials were signed. */
export const storedAwardCredentials = (ctx: Context) =>
  ctx.loaders.custom('interop:awardCredentials', (db) => new DataLoader<number, string | null>(async (ids) => {
    const rows = await db.getRepository(AwardCredential).findBy({ awardId: In([...ids]) });
    return ids.map((id) => rows.find((row) => row.awardId === id)?.jwt ?? null);
  }));
