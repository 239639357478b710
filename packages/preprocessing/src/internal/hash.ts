/**
 * FNV-1a (32 bit) over the string's UTF-16 code units: OOV buckets and hashed crosses. Only JS computes it
 * (analysis never hashes), so training, evaluation and serving agree by construction. Stable forever: changing
 * it would silently remap every saved model's unknown values.
 */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
