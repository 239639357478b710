import type { Feature, FeatureComparator, Schema } from '../types/schema.js';
import { isDeprecated } from '../validation/environment.js';

/** The schema's constraints on a feature in a few words each, for the card header. */
export function describeSchemaFeature(feature: Feature | undefined, schema: Schema): string[] {
  if (!feature) return ['not in the schema'];
  const parts: string[] = [feature.type];
  if (isDeprecated(feature)) parts.push('not validated (deprecated)');
  const presence = feature.presence;
  if (presence?.minFraction === 1) parts.push('always present');
  else if (presence?.minFraction !== undefined)
    parts.push(`present in ≥ ${presence.minFraction * 100}% of examples`);
  else if (presence?.minCount !== undefined && Number(presence.minCount) > 0)
    parts.push(`present in ≥ ${presence.minCount} example${presence.minCount === '1' ? '' : 's'}`);
  else parts.push('optional');
  if (feature.shape) parts.push(`shape [${feature.shape.dim.map((d) => d.size).join(', ')}]`);
  if (feature.valueCount) parts.push(valueCountText(feature.valueCount));
  parts.push(...domainParts(feature, schema));
  if (feature.distributionConstraints?.minDomainMass !== undefined) {
    parts.push(`≥ ${feature.distributionConstraints.minDomainMass * 100}% in domain`);
  }
  parts.push(
    ...comparatorParts('drift', feature.driftComparator),
    ...comparatorParts('skew', feature.skewComparator),
  );
  if (feature.inEnvironment?.length) parts.push(`in ${feature.inEnvironment.join(', ')}`);
  if (feature.notInEnvironment?.length) parts.push(`not in ${feature.notInEnvironment.join(', ')}`);
  return parts;
}

function domainParts(feature: Feature, schema: Schema): string[] {
  if (feature.domain !== undefined) {
    const values = schema.stringDomain?.find((d) => d.name === feature.domain)?.value.length ?? 0;
    return [`domain "${feature.domain}" (${values} values)`];
  }
  if (feature.stringDomain) return [`${feature.stringDomain.value.length} allowed values`];
  if (feature.boolDomain) return ['boolean'];
  const range = feature.intDomain ?? feature.floatDomain;
  if (range && (range.min !== undefined || range.max !== undefined))
    return [`range [${range.min ?? '−∞'}, ${range.max ?? '∞'}]`];
  return [];
}

function comparatorParts(kind: string, comparator: FeatureComparator | undefined): string[] {
  if (!comparator) return [];
  const parts: string[] = [];
  if (comparator.infinityNorm) parts.push(`${kind} L∞ ≤ ${comparator.infinityNorm.threshold}`);
  if (comparator.jensenShannonDivergence)
    parts.push(`${kind} JSD ≤ ${comparator.jensenShannonDivergence.threshold}`);
  if (comparator.normalizedAbsDifference)
    parts.push(`${kind} NAD ≤ ${comparator.normalizedAbsDifference.threshold}`);
  return parts;
}

function valueCountText({ min = '0', max }: NonNullable<Feature['valueCount']>): string {
  if (max === undefined) return `≥ ${min} value${min === '1' ? '' : 's'} when present`;
  return min === max
    ? `exactly ${min} value${min === '1' ? '' : 's'} when present`
    : `${min}–${max} values when present`;
}
