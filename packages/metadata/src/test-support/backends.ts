import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openMetadataStore } from '../open.js';
import type { MetadataStore } from '../store.js';

export interface OpenedBackend {
  store: MetadataStore;
  /** Closes the store and removes whatever it left on disk. */
  dispose(): Promise<void>;
}

/** Every backend the contract suite runs against; a new backend adds one entry here. */
export interface Backend {
  name: string;
  open(clock: () => number): OpenedBackend;
}

export const BACKENDS: Backend[] = [
  {
    name: 'sqlite :memory:',
    open: (clock) => {
      const store = openMetadataStore(':memory:', { clock });
      return { store, dispose: () => store.close() };
    },
  },
  {
    name: 'sqlite file',
    open: (clock) => {
      const dir = mkdtempSync(join(tmpdir(), 'ctpipe-mlmd-'));
      const store = openMetadataStore(join(dir, 'sub', 'mlmd.sqlite'), { clock });
      return {
        store,
        dispose: async () => {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
];
