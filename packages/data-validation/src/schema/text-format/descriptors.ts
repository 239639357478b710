/**
 * The subset of tensorflow_metadata schema.proto that ctpipe's Schema type covers, as a field table: proto
 * (snake_case) name, JSON (lowerCamelCase) name, field number (text format prints in number order), kind
 * and oneof group. One table drives the text printer, the text parser and the JSON shape check, so the three
 * cannot disagree; it must list exactly the fields of types/schema.ts.
 */

export type ScalarKind = 'string' | 'int64' | 'double' | 'float' | 'bool';

export interface FieldDescriptor {
  name: string;
  json: string;
  number: number;
  kind: ScalarKind | 'enum' | 'message';
  repeated: boolean;
  /** Enum value names by number (enum fields). */
  enumValues?: Readonly<Record<string, number>>;
  /** Message type (message fields); a thunk so descriptors can be declared in any order. */
  message?: () => MessageDescriptor;
  oneof?: string;
}

export interface MessageDescriptor {
  name: string;
  fields: readonly FieldDescriptor[];
}

type FieldOptions = Partial<Pick<FieldDescriptor, 'repeated' | 'enumValues' | 'message' | 'oneof'>>;

function field(
  number: number,
  name: string,
  kind: FieldDescriptor['kind'],
  options: FieldOptions = {},
): FieldDescriptor {
  const json = name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  return { number, name, json, kind, repeated: false, ...options };
}

function message(name: string, fields: FieldDescriptor[]): MessageDescriptor {
  return { name, fields: [...fields].sort((a, b) => a.number - b.number) };
}

const msg = (m: () => MessageDescriptor, options: FieldOptions = {}): FieldOptions => ({
  message: m,
  ...options,
});

const FEATURE_TYPE = { TYPE_UNKNOWN: 0, BYTES: 1, INT: 2, FLOAT: 3, STRUCT: 4 };
const LIFECYCLE_STAGE = {
  UNKNOWN_STAGE: 0,
  PLANNED: 1,
  ALPHA: 2,
  BETA: 3,
  PRODUCTION: 4,
  DEPRECATED: 5,
  DEBUG_ONLY: 6,
  DISABLED: 7,
  VALIDATION_DERIVED: 9,
};
const CATEGORICAL = { CATEGORICAL_UNSPECIFIED: 0, CATEGORICAL_YES: 1, CATEGORICAL_NO: 2 };
const HISTOGRAM_TYPE = { DEFAULT: 0, QUANTILES: 1, STANDARD: 2 };

const threshold = (name: string) => message(name, [field(1, 'threshold', 'double')]);
const INFINITY_NORM = threshold('InfinityNorm');
const NORMALIZED_ABS_DIFFERENCE = threshold('NormalizedAbsoluteDifference');
const HISTOGRAM_SELECTION = message('HistogramSelection', [
  field(1, 'type', 'enum', { enumValues: HISTOGRAM_TYPE }),
]);
const JENSEN_SHANNON = message('JensenShannonDivergence', [
  field(1, 'threshold', 'double'),
  field(
    2,
    'source',
    'message',
    msg(() => HISTOGRAM_SELECTION),
  ),
]);
const FEATURE_COMPARATOR = message('FeatureComparator', [
  field(
    1,
    'infinity_norm',
    'message',
    msg(() => INFINITY_NORM),
  ),
  field(
    2,
    'jensen_shannon_divergence',
    'message',
    msg(() => JENSEN_SHANNON),
  ),
  field(
    3,
    'normalized_abs_difference',
    'message',
    msg(() => NORMALIZED_ABS_DIFFERENCE),
  ),
]);

export const STRING_DOMAIN = message('StringDomain', [
  field(1, 'name', 'string'),
  field(2, 'value', 'string', { repeated: true }),
  field(3, 'is_categorical', 'enum', { enumValues: CATEGORICAL }),
]);
const INT_DOMAIN = message('IntDomain', [
  field(1, 'name', 'string'),
  field(3, 'min', 'int64'),
  field(4, 'max', 'int64'),
  field(5, 'is_categorical', 'bool'),
]);
const FLOAT_DOMAIN = message('FloatDomain', [
  field(1, 'name', 'string'),
  field(3, 'min', 'float'),
  field(4, 'max', 'float'),
  field(5, 'disallow_nan', 'bool'),
  field(6, 'disallow_inf', 'bool'),
]);
const BOOL_DOMAIN = message('BoolDomain', [
  field(1, 'name', 'string'),
  field(2, 'true_value', 'string'),
  field(3, 'false_value', 'string'),
]);
const PRESENCE = message('FeaturePresence', [
  field(1, 'min_fraction', 'double'),
  field(2, 'min_count', 'int64'),
]);
const DIM = message('Dim', [field(1, 'size', 'int64'), field(2, 'name', 'string')]);
const FIXED_SHAPE = message('FixedShape', [
  field(
    2,
    'dim',
    'message',
    msg(() => DIM, { repeated: true }),
  ),
]);
const VALUE_COUNT = message('ValueCount', [field(1, 'min', 'int64'), field(2, 'max', 'int64')]);
const DISTRIBUTION_CONSTRAINTS = message('DistributionConstraints', [field(1, 'min_domain_mass', 'double')]);
const ANNOTATION = message('Annotation', [
  field(1, 'tag', 'string', { repeated: true }),
  field(2, 'comment', 'string', { repeated: true }),
]);

const DOMAIN = { oneof: 'domain_info' };
const SHAPE = { oneof: 'shape_type' };
export const FEATURE = message('Feature', [
  field(1, 'name', 'string'),
  field(2, 'deprecated', 'bool'),
  field(
    5,
    'value_count',
    'message',
    msg(() => VALUE_COUNT, SHAPE),
  ),
  field(6, 'type', 'enum', { enumValues: FEATURE_TYPE }),
  field(7, 'domain', 'string', DOMAIN),
  field(
    9,
    'int_domain',
    'message',
    msg(() => INT_DOMAIN, DOMAIN),
  ),
  field(
    10,
    'float_domain',
    'message',
    msg(() => FLOAT_DOMAIN, DOMAIN),
  ),
  field(
    11,
    'string_domain',
    'message',
    msg(() => STRING_DOMAIN, DOMAIN),
  ),
  field(
    13,
    'bool_domain',
    'message',
    msg(() => BOOL_DOMAIN, DOMAIN),
  ),
  field(
    14,
    'presence',
    'message',
    msg(() => PRESENCE, { oneof: 'presence_constraints' }),
  ),
  field(
    15,
    'distribution_constraints',
    'message',
    msg(() => DISTRIBUTION_CONSTRAINTS),
  ),
  field(
    16,
    'annotation',
    'message',
    msg(() => ANNOTATION),
  ),
  field(
    18,
    'skew_comparator',
    'message',
    msg(() => FEATURE_COMPARATOR),
  ),
  field(19, 'not_in_environment', 'string', { repeated: true }),
  field(20, 'in_environment', 'string', { repeated: true }),
  field(
    21,
    'drift_comparator',
    'message',
    msg(() => FEATURE_COMPARATOR),
  ),
  field(22, 'lifecycle_stage', 'enum', { enumValues: LIFECYCLE_STAGE }),
  field(
    23,
    'shape',
    'message',
    msg(() => FIXED_SHAPE, SHAPE),
  ),
]);

const NUMERIC_VALUE_COMPARATOR = message('NumericValueComparator', [
  field(1, 'min_fraction_threshold', 'double'),
  field(2, 'max_fraction_threshold', 'double'),
]);
const DATASET_CONSTRAINTS = message('DatasetConstraints', [
  field(
    1,
    'num_examples_drift_comparator',
    'message',
    msg(() => NUMERIC_VALUE_COMPARATOR),
  ),
  field(3, 'min_examples_count', 'int64'),
  field(4, 'max_examples_count', 'int64'),
]);

export const SCHEMA = message('Schema', [
  field(
    1,
    'feature',
    'message',
    msg(() => FEATURE, { repeated: true }),
  ),
  field(
    4,
    'string_domain',
    'message',
    msg(() => STRING_DOMAIN, { repeated: true }),
  ),
  field(5, 'default_environment', 'string', { repeated: true }),
  field(
    11,
    'dataset_constraints',
    'message',
    msg(() => DATASET_CONSTRAINTS),
  ),
]);

/** Looks a field up by its proto name or its JSON name (proto JSON parsers accept both). */
export function findField(descriptor: MessageDescriptor, key: string): FieldDescriptor | undefined {
  return descriptor.fields.find((f) => f.name === key || f.json === key);
}
