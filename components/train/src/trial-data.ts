import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Examples } from '@ctpipe/model';

const MANIFEST = 'manifest.json';

interface SplitManifest {
  n: number;
  labels: 'int32' | 'float32';
  indices: string[];
}

type Splits = { train: Examples; eval: Examples };

/**
 * Hands the decoded examples to trial processes as raw little-endian typed arrays: each process reads a few
 * files instead of decoding the Parquet again, so starting a trial process costs milliseconds, not a scan.
 */
export async function writeTrialData(dir: string, splits: Splits): Promise<void> {
  await mkdir(dir, { recursive: true });
  const manifest: Record<string, SplitManifest> = {};
  for (const [name, data] of Object.entries(splits)) {
    const indices = Object.keys(data.indices ?? {});
    manifest[name] = { n: data.n, labels: data.labels instanceof Int32Array ? 'int32' : 'float32', indices };
    await writeFile(path.join(dir, `${name}.features.bin`), bytes(data.features));
    await writeFile(path.join(dir, `${name}.labels.bin`), bytes(data.labels));
    for (const [i, feature] of indices.entries()) {
      await writeFile(path.join(dir, `${name}.index${i}.bin`), bytes(data.indices![feature]!));
    }
  }
  await writeFile(path.join(dir, MANIFEST), JSON.stringify(manifest));
}

export async function readTrialData(dir: string): Promise<Splits> {
  const manifest = JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')) as Record<
    string,
    SplitManifest
  >;
  const read = async (name: string): Promise<Examples> => {
    const m = manifest[name]!;
    const file = (suffix: string) => readFile(path.join(dir, `${name}.${suffix}.bin`));
    const indices: Record<string, Int32Array> = {};
    for (const [i, feature] of m.indices.entries())
      indices[feature] = new Int32Array(aligned(await file(`index${i}`)));
    return {
      n: m.n,
      features: new Float32Array(aligned(await file('features'))),
      labels:
        m.labels === 'int32'
          ? new Int32Array(aligned(await file('labels')))
          : new Float32Array(aligned(await file('labels'))),
      ...(m.indices.length > 0 ? { indices } : {}),
    };
  };
  return { train: await read('train'), eval: await read('eval') };
}

function bytes(array: Float32Array | Int32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** A copy of the bytes in an ArrayBuffer of their own (a Buffer may sit at any offset of a shared pool). */
function aligned(buffer: Buffer): ArrayBuffer {
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
}
