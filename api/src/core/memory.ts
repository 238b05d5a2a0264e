import v8 from 'node:v8';
import { config } from './config';

/**
 * Keeps the heap close to its live data. By default V8 lets the heap grow to as much as four
 * times what the last full collection kept before collecting again, so a server under steady
 * load holds two or three times the memory it uses; a fixed factor (HEAP_GROWING_PERCENT) makes
 * it collect sooner instead, for a little more collection work. V8 reads the factor each time it
 * sets the next limit, so it can be set once the process runs.
 */
export function limitHeapGrowth(percent = config.heapGrowingPercent): void {
  if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
