import { afterEach, beforeEach, describe } from 'vitest';
import type { MetadataStore } from '../store.js';
import { BACKENDS } from './backends.js';
import { FakeClock } from './fake-clock.js';

export interface ContractContext {
  store: MetadataStore;
  clock: FakeClock;
}

/**
 * Declares a contract block once per backend. `body` reads `ctx.store` inside its tests; each test
 * gets a fresh, empty store.
 */
export function describeContract(title: string, body: (ctx: ContractContext) => void): void {
  describe.each(BACKENDS)(`${title} [$name]`, (backend) => {
    const ctx = {} as ContractContext;
    let dispose: () => Promise<void>;
    beforeEach(() => {
      ctx.clock = new FakeClock();
      const opened = backend.open(ctx.clock.now);
      ctx.store = opened.store;
      dispose = opened.dispose;
    });
    afterEach(() => dispose());
    body(ctx);
  });
}
