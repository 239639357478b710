import { stat } from 'node:fs/promises';

/**
 * TFX's input fingerprint for file sources: file count, total bytes and checksums of modification times.
 * Recorded on the artifact so new data under the same pattern is visible to caching and lineage.
 */
export async function inputFingerprint(files: readonly string[]): Promise<string> {
  let bytes = 0;
  let xor = 0n;
  let sum = 0n;
  for (const file of files) {
    const info = await stat(file, { bigint: true });
    bytes += Number(info.size);
    const mtime = info.mtimeMs / 1000n;
    xor ^= mtime;
    sum += mtime;
  }
  return `split:single_split,num_files:${files.length},total_bytes:${bytes},xor_checksum:${xor},sum_checksum:${sum}`;
}
