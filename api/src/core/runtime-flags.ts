/**
 * V8 flags the API process starts with: `npm start` passes them on node's command line, and the
 * benchmark and load test start their API processes with them. V8 takes them only at start: set
 * from inside a running process (v8.setFlagsFromString) they crash it.
 *
 * `--single-threaded-gc`: the collector works on the thread that answers requests instead of
 * handing marking, sweeping and scavenging to helper threads. The API shares its machine's cores
 * with PostgreSQL, so those helpers wait for a core while the request they hold up waits for them:
 * on the 2-core machine, learnerRoutes one request at a time had its slowest young collections
 * fall from 57 ms to 14 ms and its full collections' pauses from 217 ms to 62 ms in all over
 * 1,230 requests (README, Benchmark).
 */
export const API_V8_FLAGS: readonly string[] = ['--single-threaded-gc'];

/** Node's arguments for starting the API (or a process serving it) from `entry`. */
export const apiNodeArguments = (entry: string): string[] => [...API_V8_FLAGS, entry];

/** The flags this process was started without. */
export const missingV8Flags = (execArgv: readonly string[] = process.execArgv): string[] => API_V8_FLAGS.filter((flag) => !execArgv.includes(flag));
