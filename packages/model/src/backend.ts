import { createRequire } from 'node:module';
import path from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { type BackendCandidate, selectFirstWorking } from './internal/backend-candidates.js';
import { registerWasmSegmentSum } from './internal/wasm-segment-sum.js';

export type BackendName = 'tensorflow' | 'wasm' | 'cpu';

export const BACKEND_ORDER: readonly BackendName[] = ['tensorflow', 'wasm', 'cpu'];

export interface SelectBackendOptions {
  /** Tried first; the others follow in the usual order when it does not load. */
  prefer?: BackendName;
}

// A variable specifier keeps tsc and bundlers from resolving it: tfjs-node is installed only in images
// that can build it (its install script downloads libtensorflow), never as a dependency of ours.
const TFJS_NODE = '@tensorflow/tfjs-node';

const candidates: Record<BackendName, BackendCandidate<BackendName>> = {
  tensorflow: {
    name: 'tensorflow',
    async load() {
      await import(TFJS_NODE);
      // Registered only if tfjs-node shares our tfjs-core; a second copy registers into its own engine.
      return tf.findBackendFactory('tensorflow') !== null && (await tf.setBackend('tensorflow'));
    },
  },
  wasm: {
    name: 'wasm',
    async load() {
      // The threaded build needs a worker script path Node 20 cannot give it (ERR_WORKER_PATH); the
      // single-threaded SIMD build is the fast one that works. Parallelism comes from trial processes.
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      setWasmPaths(`${wasmDistDir()}${path.sep}`);
      registerWasmSegmentSum();
      return tf.setBackend('wasm');
    },
  },
  cpu: { name: 'cpu', load: () => tf.setBackend('cpu') },
};

let selected: BackendName | undefined;

/**
 * Picks the fastest tf.js backend that loads here: tfjs-node (native TensorFlow), else WebAssembly (SIMD),
 * else the pure-JS cpu backend. Returns its name so the caller can log it and record it in metadata.
 * Later calls return the active backend (tensors and models live in one backend) unless another is preferred.
 */
export async function selectBackend(options: SelectBackendOptions = {}): Promise<BackendName> {
  if (selected !== undefined && (options.prefer === undefined || options.prefer === selected)) {
    return selected;
  }
  // PROD silences tfjs's console advice to install tfjs-node; we report the backend ourselves.
  tf.env().set('PROD', true);
  const order = options.prefer
    ? [options.prefer, ...BACKEND_ORDER.filter((b) => b !== options.prefer)]
    : BACKEND_ORDER;
  const result = await selectFirstWorking(order.map((name) => candidates[name]));
  if (result === undefined) {
    throw new CtpipeError('UNAVAILABLE', 'no tf.js backend could be initialised', {
      details: { expected: order.join(' | ') },
    });
  }
  selected = result;
  return result;
}

function wasmDistDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
}
