import { defineComponent } from '@ctpipe/contract';
import { DEFAULT_EVAL_CONFIG } from './default-eval-config.js';

/**
 * TFX's Evaluator (TFMA's job): the candidate model's metrics overall and per slice on the eval split, the same
 * for the baseline (the latest blessed model) when there is one, thresholds checked, and a ModelBlessing.
 */
export const evaluateSpec = defineComponent({
  name: 'evaluate',
  description:
    'Computes TFMA-style metrics of the candidate model overall and per slice on the eval split, compares ' +
    'them with the baseline (latest blessed) model, checks value and change thresholds, and writes a ' +
    'ModelBlessing, KFP classification metrics and an HTML report.',
  inputs: {
    parameters: {
      eval_config: {
        type: 'STRUCT',
        description:
          'A TFMA EvalConfig in JSON: labelKey, slicingSpecs ({} = overall, featureKeys, numericBuckets), ' +
          'metrics, thresholds (valueThreshold / changeThreshold per metric on the overall slice), ' +
          'perSliceThresholds, confidenceIntervals, minSliceSize.',
        default: DEFAULT_EVAL_CONFIG,
      },
      eval_split: {
        type: 'STRING',
        description: 'The split of the Examples the models are evaluated on.',
        default: 'eval',
      },
    },
    artifacts: {
      examples: {
        type: 'system.Dataset',
        description: 'The raw Examples from extract (Split-<name>/*.parquet): features and label.',
      },
      model: {
        type: 'system.Model',
        description: 'The candidate model from train, in TF Serving’s version layout.',
      },
      baseline_model: {
        type: 'system.Model',
        description:
          'The latest blessed model (from a resolver); absent on the first run, which is then rubber-stamped.',
        optional: true,
      },
      baseline_blessing: {
        type: 'system.Artifact',
        description:
          "The latest positive blessing (TFX's LatestBlessedModelStrategy, from a resolver): its current_model is " +
          'the baseline when baseline_model is not given.',
        optional: true,
      },
    },
  },
  outputs: {
    parameters: {
      blessed: { type: 'BOOLEAN', description: 'true when every threshold passed: the model may be pushed.' },
      accuracy: {
        type: 'NUMBER_DOUBLE',
        description: 'Accuracy of the candidate on the whole eval split; 0 for a regression model.',
      },
    },
    artifacts: {
      evaluation: {
        type: 'system.Metrics',
        description:
          'ModelEvaluation: evaluation.json (candidate and baseline metrics per slice, diffs, validation ' +
          'result); metadata: the overall metrics, one number each.',
      },
      classification_metrics: {
        type: 'system.ClassificationMetrics',
        description:
          'The overall confusion matrix and confidence metrics in KFP’s shape, for the Vertex AI UI.',
      },
      blessing: {
        type: 'system.Artifact',
        description:
          'ModelBlessing: an empty BLESSED or NOT_BLESSED file; metadata blessed (1/0), current_model, ' +
          'baseline_model, rubber_stamp, reasons, metrics_table.',
      },
      report: {
        type: 'system.HTML',
        description: 'The evaluation report: slice table, confusion matrix, candidate vs baseline.',
      },
    },
  },
});

export type EvaluateSpec = typeof evaluateSpec;
