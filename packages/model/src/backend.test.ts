import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { selectBackend } from './backend.js';
import { selectFirstWorking } from './internal/backend-candidates.js';

function tfjsNodeInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('@tensorflow/tfjs-node');
    return true;
  } catch {
    return false;
  }
}

describe('selectFirstWorking', () => {
  it('skips candidates that throw or decline and returns the first that loads', async () => {
    const tried: string[] = [];
    const candidate = (name: string, load: () => Promise<boolean>) => ({
      name,
      load: () => {
        tried.push(name);
        return load();
      },
    });
    const chosen = await selectFirstWorking([
      candidate('native', () => Promise.reject(new Error('Cannot find module'))),
      candidate('wasm', () => Promise.resolve(false)),
      candidate('cpu', () => Promise.resolve(true)),
      candidate('never', () => Promise.resolve(true)),
    ]);
    expect(chosen).toBe('cpu');
    expect(tried).toEqual(['native', 'wasm', 'cpu']);
  });

  it('returns undefined when nothing loads', async () => {
    expect(await selectFirstWorking([{ name: 'x', load: () => Promise.resolve(false) }])).toBeUndefined();
  });
});

describe('selectBackend', () => {
  const fastest = tfjsNodeInstalled() ? 'tensorflow' : 'wasm';

  it('picks tfjs-node when it loads, else wasm, and activates it', async () => {
    expect(await selectBackend()).toBe(fastest);
    expect(tf.getBackend()).toBe(fastest);
  });

  it('falls back from a preferred backend that is not installed', async () => {
    expect(await selectBackend({ prefer: 'tensorflow' })).toBe(fastest);
  });

  it('switches to a preferred backend and keeps it for later calls', async () => {
    expect(await selectBackend({ prefer: 'cpu' })).toBe('cpu');
    expect(await selectBackend()).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(await selectBackend({ prefer: 'wasm' })).toBe('wasm');
  });

  it('gives wasm the UnsortedSegmentSum kernel Embedding gradients need', async () => {
    await selectBackend({ prefer: 'wasm' });
    const x = tf.tensor2d([1, 2, 3, 4, 5, 6, 7, 8], [4, 2]);
    const summed = tf.unsortedSegmentSum(x, tf.tensor1d([2, 0, 2, 5], 'int32'), 3);
    expect(tf.getBackend()).toBe('wasm');
    expect(summed.arraySync()).toEqual([
      [3, 4],
      [0, 0],
      [6, 8],
    ]);
  });
});
