import type { Feature, StringDomain } from '../types/schema.js';
import type { FeatureNameStatistics } from '../types/statistics.js';
import { compareCodePoints } from '../validation/code-point-order.js';
import { parseInt64Text } from '../validation/parse-number-text.js';
import { stringValueCounts, toNumber } from '../validation/stats-view.js';

type BoolDomainValue = NonNullable<Feature['boolDomain']>;

const TRUE_STRINGS = new Set(['TRUE', 'true', 'SET', 'set', '1', '']);
const FALSE_STRINGS = new Set(['FALSE', 'false', 'CLEAR', 'clear', '0']);

export type InferredDomain =
  | { kind: 'none' }
  | { kind: 'bool'; boolDomain: BoolDomainValue }
  | { kind: 'int' }
  | { kind: 'string'; values: string[] };

/**
 * TFDV's domain choice for a new column, in its order: bool (0/1 ints, or true/false strings), int (strings
 * that all parse as integers, no bounds), string domain (at most maxStringDomainSize distinct values).
 * Numeric features get no bounds: TFDV never infers ranges (data-validation#131).
 */
export function inferDomain(stats: FeatureNameStatistics, maxStringDomainSize: number): InferredDomain {
  if (stats.type === 'INT') {
    const min = toNumber(stats.numStats?.min);
    const max = toNumber(stats.numStats?.max);
    return min >= 0 && max === 1 ? { kind: 'bool', boolDomain: {} } : { kind: 'none' };
  }
  if (stats.type !== 'STRING') return { kind: 'none' };
  const labels = [...stringValueCounts(stats).keys()].sort(compareCodePoints);
  if (labels.length === 0) return { kind: 'none' };
  const bool = boolDomainFromStrings(labels);
  if (bool) return { kind: 'bool', boolDomain: bool };
  if (labels.every((l) => parseInt64Text(l) !== undefined)) return { kind: 'int' };
  // The rank histogram may be truncated; `unique` tells whether the domain really is small.
  const unique = Math.max(labels.length, toNumber(stats.stringStats?.unique));
  return unique <= maxStringDomainSize ? { kind: 'string', values: labels } : { kind: 'none' };
}

function boolDomainFromStrings(labels: string[]): BoolDomainValue | undefined {
  if (labels.length > 2) return undefined;
  let trueValue: string | undefined;
  let falseValue: string | undefined;
  for (const label of labels) {
    if (trueValue === undefined && TRUE_STRINGS.has(label)) trueValue = label;
    else if (falseValue === undefined && FALSE_STRINGS.has(label)) falseValue = label;
    else return undefined;
  }
  return {
    ...(trueValue !== undefined ? { trueValue } : {}),
    ...(falseValue !== undefined ? { falseValue } : {}),
  };
}

/** Applies the inferred domain to the feature; string domains go top level, referenced by a unique name. */
export function applyDomain(feature: Feature, domain: InferredDomain, stringDomains: StringDomain[]): void {
  if (domain.kind === 'bool') feature.boolDomain = domain.boolDomain;
  else if (domain.kind === 'int') feature.intDomain = {};
  else if (domain.kind === 'string') {
    const taken = new Set(stringDomains.map((d) => d.name));
    let name = feature.name;
    for (let i = 2; taken.has(name); i++) name = `${feature.name}${i}`;
    stringDomains.push({ name, value: domain.values });
    feature.domain = name;
  }
}
