import { definePipeline } from '@ctpipe/dsl';
import { extract, profile } from './components.js';

/**
 * A resolver (TFX's LatestArtifactStrategy) finds the statistics of an earlier run; they feed an optional
 * input of a task beside it and, through a condition's sub-DAG, of a task inside it.
 */
export const pipeline = definePipeline(
  { name: 'resolver', description: 'Profile new examples against the previous statistics.' },
  (b) => {
    const previous = b.resolver({
      name: 'latest-statistics',
      outputs: {
        statistics: {
          type: 'system.Artifact',
          filter: 'artifact_type="system.Artifact" AND name="statistics" AND state=LIVE',
          limit: 1,
          description: 'Statistics of the previous span.',
        },
      },
    });
    const ex = b.task(extract, { parameters: { source: 'data/train.csv' } });
    b.task(profile, {
      artifacts: {
        examples: ex.outputs.artifacts.examples,
        baseline_statistics: previous.outputs.artifacts.statistics,
      },
    });
    b.condition(ex.outputs.parameters.row_count.gt(0), (c) => {
      c.task(profile, {
        artifacts: {
          examples: ex.outputs.artifacts.examples,
          baseline_statistics: previous.outputs.artifacts.statistics,
        },
      });
    });
  },
);
