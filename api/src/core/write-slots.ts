import { DataSource } from 'typeorm';
import { WriteSlotWait } from './availability';
import { config } from './config';

/**
 * The share of a pool's connections that mutations may hold at once. Writers of one row queue
 * on its lock, each holding a connection while it waits; without a bound, enough of them take
 * every connection and reads wait behind them. Mutations over the bound wait here, in order,
 * holding no connection, for at most `timeoutMs` (then DATABASE_BUSY).
 */
export class WriteSlots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number, private readonly timeoutMs: number) {
    this.free = size;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.free > 0) {
      this.free -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const index = this.waiting.indexOf(turn);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(new WriteSlotWait(this.timeoutMs));
      }, this.timeoutMs);
      this.waiting.push(turn);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free += 1;
  }
}

const slots = new WeakMap<DataSource, WriteSlots>();

/** The write slots of `db`'s pool: DATABASE_WRITE_CONNECTIONS, by default half the pool (at least 1). */
export function writeSlotsOf(db: DataSource): WriteSlots {
  let found = slots.get(db);
  if (!found) {
    const pool = Number((db.options as { extra?: { max?: number } }).extra?.max ?? config.poolSize);
    const size = config.writeConnections > 0 ? Math.min(config.writeConnections, pool) : Math.max(1, Math.floor(pool / 2));
    found = new WriteSlots(size, config.writeWaitTimeoutMs);
    slots.set(db, found);
  }
  return found;
}
