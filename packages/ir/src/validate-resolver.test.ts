import { describe, expect, it } from 'vitest';
import type { JsonObject } from './pipeline-spec.js';
import { validatePipelineSpec } from './validate-pipeline-spec.js';

const artifact = { schemaTitle: 'system.Artifact', schemaVersion: '0.0.1' };

/** The shape TFX compiles a LatestArtifactStrategy resolver to, feeding an optional input of a container task. */
function resolverSpec(): JsonObject {
  return {
    pipelineInfo: { name: 'resolving' },
    schemaVersion: '2.1.0',
    sdkVersion: 'ctpipe-0.1.0',
    deploymentSpec: {
      executors: {
        'exec-latest-statistics': {
          resolver: {
            outputArtifactQueries: {
              statistics: { filter: 'artifact_type="system.Artifact" AND name="statistics" AND state=LIVE' },
            },
          },
        },
        'exec-validate': {
          container: { image: 'alpine', args: ["{{$.inputs.artifacts['baseline'].path}}"] },
        },
      },
    },
    components: {
      'comp-latest-statistics': {
        executorLabel: 'exec-latest-statistics',
        outputDefinitions: { artifacts: { statistics: { artifactType: artifact } } },
      },
      'comp-validate': {
        executorLabel: 'exec-validate',
        inputDefinitions: { artifacts: { baseline: { artifactType: artifact, isOptional: true } } },
      },
    },
    root: {
      dag: {
        tasks: {
          'latest-statistics': {
            taskInfo: { name: 'latest-statistics' },
            componentRef: { name: 'comp-latest-statistics' },
          },
          validate: {
            taskInfo: { name: 'validate' },
            componentRef: { name: 'comp-validate' },
            dependentTasks: ['latest-statistics'],
            inputs: {
              artifacts: {
                baseline: {
                  taskOutputArtifact: { producerTask: 'latest-statistics', outputArtifactKey: 'statistics' },
                },
              },
            },
          },
        },
      },
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: test mutations reach into arbitrary places of the JSON
function problemsAfter(mutate: (spec: any) => void): { path: string; message: string }[] {
  const spec = resolverSpec();
  mutate(spec);
  const result = validatePipelineSpec(spec);
  return result.ok ? [] : result.problems;
}

const EXEC = 'deploymentSpec.executors.exec-latest-statistics';

describe('validatePipelineSpec on resolver executors', () => {
  it('accepts a resolver feeding an optional input, and a limit', () => {
    expect(problemsAfter(() => {})).toEqual([]);
    expect(
      problemsAfter(
        (s) =>
          (s.deploymentSpec.executors[
            'exec-latest-statistics'
          ].resolver.outputArtifactQueries.statistics.limit = 3),
      ),
    ).toEqual([]);
  });

  it('allows one of container, importer and resolver', () => {
    expect(
      problemsAfter((s) => (s.deploymentSpec.executors['exec-latest-statistics'].container = { image: 'x' })),
    ).toEqual([
      {
        path: `${EXEC}.container`,
        message:
          "'resolver' and 'container' are both set; PipelineDeploymentConfig.ExecutorSpec.spec allows one",
      },
    ]);
  });

  it('checks the fields of a query', () => {
    expect(
      problemsAfter(
        (s) =>
          (s.deploymentSpec.executors[
            'exec-latest-statistics'
          ].resolver.outputArtifactQueries.statistics.max = 1),
      )[0]?.message,
    ).toMatch(/^unknown field 'max' of PipelineDeploymentConfig.ResolverSpec.ArtifactQuerySpec/);
    expect(
      problemsAfter(
        (s) =>
          (s.deploymentSpec.executors[
            'exec-latest-statistics'
          ].resolver.outputArtifactQueries.statistics.limit = -1),
      ),
    ).toEqual([
      {
        path: `${EXEC}.resolver.outputArtifactQueries.statistics.limit`,
        message: 'expected a positive limit (0 or none means 1), found -1',
      },
    ]);
  });

  it('requires at least one query', () => {
    expect(
      problemsAfter((s) => {
        s.deploymentSpec.executors['exec-latest-statistics'].resolver.outputArtifactQueries = {};
        delete s.components['comp-latest-statistics'].outputDefinitions;
        delete s.root.dag.tasks.validate.inputs;
      }),
    ).toEqual([
      {
        path: `${EXEC}.resolver.outputArtifactQueries`,
        message: 'a resolver needs at least one output query',
      },
    ]);
  });

  it('requires the query keys to be the output artifacts of the component', () => {
    expect(
      problemsAfter((s) => {
        s.components['comp-latest-statistics'].outputDefinitions.artifacts.schema = {
          artifactType: artifact,
        };
        const queries = s.deploymentSpec.executors['exec-latest-statistics'].resolver.outputArtifactQueries;
        queries.stats = { filter: 'state=LIVE' };
      }),
    ).toEqual([
      {
        path: 'components.comp-latest-statistics.outputDefinitions.artifacts.schema',
        message: "resolver 'exec-latest-statistics' has no query for output artifact 'schema'",
      },
      {
        path: 'components.comp-latest-statistics.outputDefinitions.artifacts',
        message:
          "resolver 'exec-latest-statistics' queries 'stats', which is not an output artifact of this component",
      },
    ]);
  });

  it('refuses output parameters on a resolver component', () => {
    expect(
      problemsAfter(
        (s) =>
          (s.components['comp-latest-statistics'].outputDefinitions.parameters = {
            found: { parameterType: 'BOOLEAN' },
          }),
      ),
    ).toEqual([
      {
        path: 'components.comp-latest-statistics.outputDefinitions.parameters.found',
        message: "a resolver outputs artifacts only; 'found' would never be set",
      },
    ]);
  });

  it('parses each filter and reports where it breaks', () => {
    const problems = problemsAfter(
      (s) =>
        (s.deploymentSpec.executors[
          'exec-latest-statistics'
        ].resolver.outputArtifactQueries.statistics.filter = 'state=LIVE OR name="x"'),
    );
    expect(problems).toEqual([
      {
        path: `${EXEC}.resolver.outputArtifactQueries.statistics.filter`,
        message: expect.stringMatching(/expected 'AND' between clauses at column 12, found OR/),
      },
    ]);
  });

  it('lets placeholders in a filter name only inputs of the component', () => {
    const filter = `name="{{$.inputs.artifacts['blessing'].metadata['current_model_id']}}"`;
    const set = (s: JsonObject) => {
      // biome-ignore lint/suspicious/noExplicitAny: reaching into the fixture
      (s as any).deploymentSpec.executors[
        'exec-latest-statistics'
      ].resolver.outputArtifactQueries.statistics.filter = filter;
    };
    expect(problemsAfter(set)).toEqual([
      {
        path: `${EXEC}.resolver.outputArtifactQueries.statistics.filter`,
        message:
          "placeholder names inputs.artifacts 'blessing', which is not an input of every component using this resolver",
      },
    ]);
    expect(
      problemsAfter((s) => {
        set(s);
        s.components['comp-latest-statistics'].inputDefinitions = {
          artifacts: { blessing: { artifactType: artifact } },
        };
        s.root.dag.tasks['latest-statistics'].inputs = {
          artifacts: {
            blessing: { taskOutputArtifact: { producerTask: 'validate', outputArtifactKey: 'x' } },
          },
        };
        s.components['comp-validate'].outputDefinitions = { artifacts: { x: { artifactType: artifact } } };
        delete s.root.dag.tasks.validate.inputs;
        delete s.root.dag.tasks.validate.dependentTasks;
      }),
    ).toEqual([]);
  });
});
