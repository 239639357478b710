/** Dense codes of one feature: 0..cardinality-1, -1 = missing. */
export interface FeatureCodes {
  codes: Int32Array;
  cardinality: number;
}

/** The present combinations of several features, numbered in lexicographic order of their codes. */
export interface CrossedCodes {
  /** Combination id per row, -1 when any feature is missing. A fresh array the caller may overwrite. */
  codes: Int32Array;
  count: number;
  /** parts[f][id] = the code of feature f in combination id. */
  parts: Int32Array[];
}

/** Up to this many (combination × code) cells a lookup table beats a Map. */
const TABLE_LIMIT = 1 << 22;

/**
 * Crosses features pairwise: the running combination id × the next feature's cardinality + its code, then
 * renumbered densely so ids stay below the row count whatever the number of features.
 */
export function crossCodes(features: FeatureCodes[]): CrossedCodes {
  const first = features[0]!;
  let codes: Int32Array = Int32Array.from(first.codes);
  let parts = [Int32Array.from({ length: first.cardinality }, (_, i) => i)];
  let count = first.cardinality;
  // A single feature may have unused codes (buckets no row falls in): renumbering drops them too.
  const rest =
    features.length === 1 ? [{ codes: new Int32Array(codes.length), cardinality: 1 }] : features.slice(1);
  for (const next of rest) {
    const combined = new Float64Array(codes.length);
    for (let i = 0; i < codes.length; i++) {
      const a = codes[i]!;
      const b = next.codes[i]!;
      combined[i] = a < 0 || b < 0 ? -1 : a * next.cardinality + b;
    }
    const { codes: nextCodes, present } = renumber(combined, count * next.cardinality);
    const nextParts = parts.map((part) =>
      Int32Array.from(present, (v) => part[Math.floor(v / next.cardinality)]!),
    );
    if (features.length > 1) nextParts.push(Int32Array.from(present, (v) => v % next.cardinality));
    codes = nextCodes;
    parts = nextParts;
    count = present.length;
  }
  return { codes, count, parts };
}

/** Dense ids for the distinct non-negative values, in ascending value order. */
function renumber(values: Float64Array, range: number): { codes: Int32Array; present: number[] } {
  const codes = new Int32Array(values.length);
  const present: number[] = [];
  if (range <= TABLE_LIMIT) {
    const table = new Int32Array(range);
    for (const v of values) if (v >= 0) table[v] = 1;
    for (let v = 0; v < range; v++) if (table[v]) table[v] = present.push(v) - 1;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      codes[i] = v < 0 ? -1 : table[v]!;
    }
    return { codes, present };
  }
  const set = new Set<number>();
  for (const v of values) if (v >= 0) set.add(v);
  present.push(...[...set].sort((a, b) => a - b));
  const ids = new Map(present.map((v, id) => [v, id]));
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    codes[i] = v < 0 ? -1 : ids.get(v)!;
  }
  return { codes, present };
}
