/**
 * tensorflow_metadata `statistics.proto` (package tensorflow.metadata.v0) in proto3 JSON: lowerCamelCase keys,
 * enums by name, int64/uint64 as strings, NaN/±Infinity as the strings "NaN"/"Infinity"/"-Infinity".
 * Only the messages ctpipe emits or reads are typed; field names follow the proto exactly.
 */

/** uint64/int64 in proto3 JSON. */
export type Int64String = string;
/** double/float in proto3 JSON: a number, or "NaN" / "Infinity" / "-Infinity". */
export type JsonDouble = number | 'NaN' | 'Infinity' | '-Infinity';

export interface DatasetFeatureStatisticsList {
  datasets: DatasetFeatureStatistics[];
}

export interface DatasetFeatureStatistics {
  /** ctpipe: the split name ("train", "eval", "serving"). */
  name: string;
  numExamples: Int64String;
  weightedNumExamples?: JsonDouble;
  features: FeatureNameStatistics[];
}

export type FeatureStatsType = 'INT' | 'FLOAT' | 'STRING' | 'BYTES' | 'STRUCT';

export interface FeatureNameStatistics {
  /** ctpipe uses `path` (TFDV's current form); a single step per feature: the column name exactly. */
  path: { step: string[] };
  type: FeatureStatsType;
  numStats?: NumericStatistics;
  stringStats?: StringStatistics;
  customStats?: CustomStatistic[];
}

export interface CustomStatistic {
  name: string;
  num?: JsonDouble;
  str?: string;
}

export interface CommonStatistics {
  numNonMissing: Int64String;
  numMissing: Int64String;
  minNumValues: Int64String;
  maxNumValues: Int64String;
  avgNumValues: JsonDouble;
  totNumValues: Int64String;
  numValuesHistogram?: Histogram;
}

export interface NumericStatistics {
  commonStats: CommonStatistics;
  mean: JsonDouble;
  stdDev: JsonDouble;
  numZeros: Int64String;
  min: JsonDouble;
  median: JsonDouble;
  max: JsonDouble;
  histograms: Histogram[];
}

export interface HistogramBucket {
  lowValue: JsonDouble;
  highValue: JsonDouble;
  sampleCount: JsonDouble;
}

export interface Histogram {
  numNan?: Int64String;
  numUndefined?: Int64String;
  buckets: HistogramBucket[];
  type: 'STANDARD' | 'QUANTILES';
  name?: string;
}

export interface StringStatistics {
  commonStats: CommonStatistics;
  unique: Int64String;
  topValues: { value: string; frequency: JsonDouble }[];
  avgLength: JsonDouble;
  rankHistogram: RankHistogram;
}

export interface RankHistogram {
  buckets: { lowRank: Int64String; highRank: Int64String; label: string; sampleCount: JsonDouble }[];
  name?: string;
}
