import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import type { Circus } from '@jest/types';
import { TestEnvironment } from 'jest-environment-node';

/**
 * Node's test environment, except that a deprecation warning fails the test during which it was
 * emitted or, from a hook, the next test to finish (pg's "client.query() when the client is already executing a query", Node's own), and
 * one emitted after the last test fails the file. Node prints such a warning once per process and
 * goes on, so without this it would scroll past in a passing run.
 */
export default class WarningEnvironment extends TestEnvironment {
  private pending: Error[] = [];
  private readonly onWarning = (warning: Error) => {
    if (warning.name === 'DeprecationWarning') this.pending.push(warning);
  };

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
  }

  override async setup(): Promise<void> {
    await super.setup();
    process.on('warning', this.onWarning);
  }

  async handleTestEvent(event: Circus.Event): Promise<void> {
    if (event.name !== 'test_done') return;
    // A warning is emitted on the next tick after the call that caused it.
    await new Promise((resolve) => setImmediate(resolve));
    for (const warning of this.pending.splice(0)) event.test.errors.push(failure(warning));
  }

  override async teardown(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', this.onWarning);
    await super.teardown();
    const [warning] = this.pending.splice(0);
    if (warning) throw failure(warning);
  }
}

function failure(warning: Error): Error {
  const error = new Error(`${warning.name}: ${warning.message}`);
  error.stack = `${error.message}\n${warning.stack?.split('\n').slice(1).join('\n') ?? ''}`;
  return error;
}
