import { createRequire } from 'node:module';
import { loadComponent } from '@ctpipe/contract';
import { type ArtifactRef, definePipeline, type Pipeline, type PipelineBuilder } from '@ctpipe/dsl';
import { evaluateSpec } from '@ctpipe/evaluate/spec';
import { extractSpec } from '@ctpipe/extract/spec';
import { infraValidateSpec } from '@ctpipe/infra-validate/spec';
import { pushSpec } from '@ctpipe/push/spec';
import { trainSpec } from '@ctpipe/train/spec';
import { transformSpec } from '@ctpipe/transform/spec';
import { validateSpec } from '@ctpipe/validate/spec';

const require = createRequire(import.meta.url);

/** component.yaml is the implementation CI/CD rewrites (image URI); spec.ts is the typed interface. */
function componentYaml(pkg: string): string {
  return require.resolve(`${pkg}/component.yaml`);
}

/**
 * Parameters that name files or folders of the user's. A local run resolves them relative to settings.yaml (like
 * its other paths), because the components run with the repository as their working directory. The module files
 * stay relative to the working directory: they live in the repository, and at /app in the images.
 */
export const CT_LOCAL_PATH_PARAMETERS = [
  'input_pattern',
  'schema_path',
  'serving_base_path',
  'serving_data',
] as const;

/**
 * The continuous-training pipeline. Every parameter can be set per environment in settings.yaml
 * (`environments.<env>.parameters`), which `ctpipe compile --env` embeds as defaults.
 */
export function ctPipeline(): Pipeline {
  const extract = loadComponent(extractSpec, componentYaml('@ctpipe/extract'));
  const validate = loadComponent(validateSpec, componentYaml('@ctpipe/validate'));
  const transform = loadComponent(transformSpec, componentYaml('@ctpipe/transform'));
  const train = loadComponent(trainSpec, componentYaml('@ctpipe/train'));
  const evaluate = loadComponent(evaluateSpec, componentYaml('@ctpipe/evaluate'));
  const infraValidate = loadComponent(infraValidateSpec, componentYaml('@ctpipe/infra-validate'));
  const push = loadComponent(pushSpec, componentYaml('@ctpipe/push'));
  return definePipeline(
    {
      name: 'ctpipe-ct',
      description:
        'Continuous training: extract → validate → transform → train → evaluate ‖ infra-validate → push',
      parameters: {
        input_pattern: {
          type: 'STRING',
          description: 'source files: a path, glob or folder; {SPAN} marks the span',
        },
        source_format: {
          type: 'STRING',
          default: 'auto',
          description: 'auto | csv | json | ndjson | parquet | arrow | bigquery',
        },
        bigquery_query: {
          type: 'STRING',
          default: '',
          description: 'the query, when source_format is bigquery',
        },
        bigquery_project: { type: 'STRING', default: '', description: 'the project that runs the query' },
        bigquery_location: {
          type: 'STRING',
          default: '',
          description: 'where the queried data lives (US, EU…)',
        },
        span: { type: 'NUMBER_INTEGER', default: -1, description: 'the span to read; -1 = the latest' },
        split_key: {
          type: 'STRING',
          default: '',
          description: 'column whose hash picks the split; empty = the whole row',
        },
        split_ratios: {
          type: 'STRUCT',
          default: { train: 2, eval: 1 },
          description: 'hash buckets per split',
        },
        schema_path: { type: 'STRING', default: '', description: "curated schema.pbtxt/.json; '' = infer" },
        preprocessing_module: {
          type: 'STRING',
          default: 'pipelines/ct/dist/preprocessing.js',
          description:
            'built module exporting the preprocessing spec (TFX module_file), relative to the working dir',
        },
        model_module: {
          type: 'STRING',
          default: 'pipelines/ct/dist/model.js',
          description: 'built module exporting the model (ModelModule), relative to the working dir',
        },
        tune: {
          type: 'BOOLEAN',
          default: true,
          description: 'search hyperparameters; false = reuse the best hyperparameters of the previous run',
        },
        tuner: { type: 'STRING', default: 'random', description: 'random | hyperband | bayesian' },
        max_trials: { type: 'NUMBER_INTEGER', default: 10, description: 'tuning trial budget' },
        parallel_trials: { type: 'NUMBER_INTEGER', default: 0, description: 'trials at once; 0 = cores' },
        epochs: {
          type: 'NUMBER_INTEGER',
          default: 0,
          description: "epochs per trial; 0 = the model module's",
        },
        seed: { type: 'NUMBER_INTEGER', default: 42, description: 'seeds tuning and training' },
        serving_base_path: {
          type: 'STRING',
          default: '.ctpipe/serving',
          description: 'where blessed models are pushed (<base>/<model_name>/<version>/, TF Serving layout)',
        },
        model_name: { type: 'STRING', default: 'penguins', description: 'the served model name' },
        canary_percent: {
          type: 'NUMBER_INTEGER',
          default: 10,
          description: 'traffic share of a newly pushed version (canary); 0 = straight to stable',
        },
        deploy_target: { type: 'STRING', default: 'local', description: 'local | vertex' },
        vertex_project: {
          type: 'STRING',
          default: '',
          description: 'Vertex AI project (deploy_target vertex)',
        },
        vertex_region: { type: 'STRING', default: '', description: 'Vertex AI region' },
        vertex_endpoint: {
          type: 'STRING',
          default: '',
          description: "Vertex AI endpoint id; '' = create one",
        },
        serving_image: {
          type: 'STRING',
          default: '',
          description: 'the prediction server image Vertex runs (deploy_target vertex)',
        },
        serving_data: {
          type: 'STRING',
          default: '',
          description: "serving request log (raw instances) to check training/serving skew; '' = none",
        },
        drift_threshold: {
          type: 'NUMBER_DOUBLE',
          default: 0.1,
          description: 'drift/skew threshold put on every feature of an inferred schema (0 = off)',
        },
      },
    },
    (b, p) => {
      const examples = b
        .task(extract, {
          parameters: {
            input_pattern: p.input_pattern,
            source_format: p.source_format,
            bigquery_query: p.bigquery_query,
            bigquery_project: p.bigquery_project,
            bigquery_location: p.bigquery_location,
            span: p.span,
            split_key: p.split_key,
            split_ratios: p.split_ratios,
          },
        })
        .setCaching(true)
        .setRetry({ maxRetryCount: 1, backoffDuration: '5s', backoffFactor: 2, backoffMaxDuration: '60s' })
        .setResources({ cpuLimit: '2', memoryLimit: '4G' });

      // TFX's LatestArtifactStrategy: the statistics (for drift) and the schema (inferred only the first time) of
      // the previous run of this pipeline. Vertex ML Metadata's filter names also work locally.
      const previous = b.resolver({
        name: 'previous-validation',
        outputs: {
          statistics: {
            type: 'system.Artifact',
            filter: 'schema_title="system.Artifact" AND display_name="statistics" AND state=LIVE',
          },
          schema: {
            type: 'system.Artifact',
            filter: 'schema_title="system.Artifact" AND display_name="schema" AND state=LIVE',
          },
        },
      });

      const validation = b
        .task(validate, {
          parameters: {
            schema_path: p.schema_path,
            serving_data: p.serving_data,
            default_drift_threshold: p.drift_threshold,
          },
          artifacts: {
            examples: examples.outputs.artifacts.examples,
            baseline_statistics: previous.outputs.artifacts.statistics,
            baseline_schema: previous.outputs.artifacts.schema,
          },
        })
        .setCaching(true)
        .setResources({ cpuLimit: '2', memoryLimit: '4G' });

      // TFX's LatestBlessedModelStrategy: the last positive blessing names the baseline model.
      const blessed = b.resolver({
        name: 'previous-blessing',
        outputs: {
          blessing: {
            type: 'system.Artifact',
            filter:
              'schema_title="system.Artifact" AND display_name="blessing" AND metadata.blessed.number_value=1 AND state=LIVE',
          },
        },
      });

      // Evaluate ‖ infra-validate the trained model, then push it only when both bless it.
      const evaluateAndPush = (scope: PipelineBuilder, model: ArtifactRef<'system.Model', false>) => {
        const evaluation = scope
          .task(evaluate, {
            artifacts: {
              examples: examples.outputs.artifacts.examples,
              model,
              baseline_blessing: blessed.outputs.artifacts.blessing,
            },
          })
          .setCaching(true);
        const infra = scope
          .task(infraValidate, { artifacts: { model, examples: examples.outputs.artifacts.examples } })
          .setCaching(true);
        const bothBlessed = evaluation.outputs.parameters.blessed
          .eq(true)
          .and(infra.outputs.parameters.blessed.eq(true));
        scope.condition(bothBlessed, (deploy) => {
          deploy.task(push, {
            parameters: {
              serving_base_path: p.serving_base_path,
              model_name: p.model_name,
              canary_percent: p.canary_percent,
              deploy_target: p.deploy_target,
              vertex_project: p.vertex_project,
              vertex_region: p.vertex_region,
              vertex_endpoint: p.vertex_endpoint,
              serving_image: p.serving_image,
            },
            artifacts: {
              model,
              evaluation: evaluation.outputs.artifacts.evaluation,
              blessing: evaluation.outputs.artifacts.blessing,
              infra_blessing: infra.outputs.artifacts.infra_blessing,
            },
          });
        });
      };

      // Gate: an ERROR anomaly stops the run here, before any preprocessing or training.
      b.condition(validation.outputs.parameters.valid.eq(true), (valid) => {
        const transformed = valid
          .task(transform, {
            parameters: { module_file: p.preprocessing_module },
            artifacts: {
              examples: examples.outputs.artifacts.examples,
              schema: validation.outputs.artifacts.schema,
            },
          })
          .setCaching(true)
          .setResources({ cpuLimit: '2', memoryLimit: '4G' });
        const trainInputs = {
          parameters: {
            module_file: p.model_module,
            tuner: p.tuner,
            max_trials: p.max_trials,
            parallel_trials: p.parallel_trials,
            epochs: p.epochs,
            seed: p.seed,
          },
          artifacts: {
            transformed_examples: transformed.outputs.artifacts.transformed_examples,
            transform_graph: transformed.outputs.artifacts.transform_graph,
          },
        };
        // TFX's Tuner → Trainer hand-off: tune, or train with the best hyperparameters of the previous run.
        valid.condition(p.tune.eq(true), (tuning) => {
          const trained = tuning
            .task(train, trainInputs)
            .setCaching(true)
            .setResources({ cpuLimit: '2', memoryLimit: '8G' });
          evaluateAndPush(tuning, trained.outputs.artifacts.model);
        });
        valid.condition(p.tune.eq(false), (reuse) => {
          const best = reuse.resolver({
            name: 'previous-hyperparameters',
            outputs: {
              hyperparameters: {
                type: 'system.Artifact',
                filter:
                  'schema_title="system.Artifact" AND display_name="best_hyperparameters" AND state=LIVE',
              },
            },
          });
          const trained = reuse
            .task(train, {
              ...trainInputs,
              artifacts: {
                ...trainInputs.artifacts,
                hyperparameters: best.outputs.artifacts.hyperparameters,
              },
            })
            .setCaching(true)
            .setResources({ cpuLimit: '2', memoryLimit: '8G' });
          evaluateAndPush(reuse, trained.outputs.artifacts.model);
        });
      });
    },
  );
}
