import { defineComponent, type LoadedComponent } from '@ctpipe/contract';
import { CtpipeError } from '@ctpipe/errors';
import { describe, expect, it } from 'vitest';
import { definePipeline, type PipelineBuilder, ResolverTask } from './index.js';

const validate = {
  definition: defineComponent({
    name: 'validate',
    description: '',
    inputs: {
      artifacts: {
        examples: { type: 'system.Dataset', description: '' },
        baseline_statistics: { type: 'system.Artifact', description: '', optional: true },
        baseline_model: { type: 'system.Model', description: '', optional: true },
      },
    },
    outputs: { artifacts: { statistics: { type: 'system.Artifact', description: '' } } },
  }),
  implementation: { image: 'x', command: [], args: [] },
  source: 'validate.yaml',
} satisfies LoadedComponent;

const extract = {
  definition: defineComponent({
    name: 'extract',
    description: '',
    inputs: {},
    outputs: { artifacts: { examples: { type: 'system.Dataset', description: '' } } },
  }),
  implementation: { image: 'x', command: [], args: [] },
  source: 'extract.yaml',
} satisfies LoadedComponent;

const STATS_FILTER = 'artifact_type="system.Artifact" AND name="statistics" AND state=LIVE';

function errorIn(body: (b: PipelineBuilder) => void): CtpipeError {
  try {
    definePipeline({ name: 'p' }, (b) => {
      body(b);
      b.task(extract);
    });
  } catch (err) {
    if (err instanceof CtpipeError) return err;
    throw err;
  }
  throw new Error('expected a CtpipeError');
}

const loose = (value: unknown) => value as never;

describe('builder.resolver', () => {
  it('adds a resolver whose outputs feed optional inputs', () => {
    const p = definePipeline({ name: 'p' }, (b) => {
      const previous = b.resolver({
        name: 'latest-statistics',
        outputs: { statistics: { type: 'system.Artifact', filter: STATS_FILTER, limit: 1 } },
      });
      const ex = b.task(extract);
      b.task(validate, {
        artifacts: {
          examples: ex.outputs.artifacts.examples,
          baseline_statistics: previous.outputs.artifacts.statistics,
        },
      });
      // Optional inputs may also be left unset.
      b.task(validate, { artifacts: { examples: ex.outputs.artifacts.examples } });
    });
    expect(p.tasks.map((t) => `${t.kind}:${t.name}`)).toEqual([
      'resolver:latest-statistics',
      'container:extract',
      'container:validate',
      'container:validate-2',
    ]);
    const [resolver, , consumer, bare] = p.tasks;
    expect(resolver).toBeInstanceOf(ResolverTask);
    expect(resolver?.kind === 'resolver' && resolver.queries).toEqual({
      statistics: { type: 'system.Artifact', filter: STATS_FILTER, description: undefined },
    });
    const input = consumer?.kind === 'container' ? consumer.inputs.artifacts.baseline_statistics : undefined;
    expect([input?.describe(), input?.mayBeAbsent, input?.task]).toEqual([
      'latest-statistics.outputs.artifacts.statistics',
      true,
      resolver,
    ]);
    expect(bare?.kind === 'container' && Object.keys(bare.inputs.artifacts)).toEqual(['examples']);
  });

  it('refuses a resolver output for a required input, in types and at run time', () => {
    const err = errorIn((b) => {
      const previous = b.resolver({
        name: 'latest-examples',
        outputs: { examples: { type: 'system.Dataset', filter: 'state=LIVE' } },
      });
      // @ts-expect-error a resolver may find nothing: a required input cannot take its output
      b.task(validate, { artifacts: { examples: previous.outputs.artifacts.examples } });
    });
    expect(err.details).toMatchObject({
      task: 'validate',
      input: 'examples',
      found: 'latest-examples.outputs.artifacts.examples, a resolver output that may find nothing',
    });
  });

  it('checks the artifact type of its outputs like any other', () => {
    const err = errorIn((b) => {
      const previous = b.resolver({
        name: 'latest-examples',
        outputs: { examples: { type: 'system.Dataset', filter: 'state=LIVE' } },
      });
      const ex = b.task(extract);
      b.task(validate, {
        artifacts: {
          examples: ex.outputs.artifacts.examples,
          // @ts-expect-error a Dataset where a Model is expected
          baseline_model: previous.outputs.artifacts.examples,
        },
      });
    });
    expect(err.details).toMatchObject({ input: 'baseline_model', expected: 'a system.Model artifact' });
  });

  it('refuses bad names, no outputs, unknown types, limits other than 1', () => {
    const resolverError = (options: unknown) => errorIn((b) => b.resolver(loose(options)));
    const output = { type: 'system.Artifact', filter: 'state=LIVE' };
    expect(resolverError({ name: 'Latest Stats', outputs: { s: output } }).details).toMatchObject({
      task: 'Latest Stats',
    });
    expect(resolverError({ name: 'condition-1', outputs: { s: output } }).details.task).toBe('condition-1');
    expect(resolverError({ name: 'r', outputs: {} }).details).toMatchObject({
      expected: 'at least one output',
    });
    expect(resolverError({ name: 'r', outputs: { 'bad-key': output } }).details.found).toBe('bad-key');
    expect(
      resolverError({ name: 'r', outputs: { s: { ...output, type: 'tfx.Examples' } } }).details,
    ).toMatchObject({ output: 's', found: '"tfx.Examples"' });
    expect(resolverError({ name: 'r', outputs: { s: { ...output, limit: 3 } } }).details.found).toBe('3');
    expect(
      errorIn((b) => {
        b.task(extract, { name: 'r' });
        b.resolver({ name: 'r', outputs: { s: { type: 'system.Artifact', filter: '' } } });
      }).details.found,
    ).toBe('a name already taken');
  });

  it('parses the filter now, with the position of a mistake', () => {
    const err = errorIn((b) =>
      b.resolver({
        name: 'r',
        outputs: { s: { type: 'system.Artifact', filter: 'state=LIVE OR name="s"' } },
      }),
    );
    expect(err.message).toMatch(/^Resolver 'r', output 's': Artifact filter .* at column 12, found OR$/);
    expect(err.details).toMatchObject({ task: 'r', output: 's', position: 12 });
  });

  it('refuses a filter on another type than the declared one, or with placeholders', () => {
    const filterError = (filter: string) =>
      errorIn((b) => b.resolver({ name: 'r', outputs: { s: { type: 'system.Artifact', filter } } })).details;
    expect(filterError('artifact_type="system.Model"')).toMatchObject({
      expected: 'a filter on the declared type system.Artifact',
    });
    expect(filterError(`name="{{$.inputs.parameters['x']}}"`)).toMatchObject({
      expected: 'a filter without placeholders (a resolver has no inputs)',
    });
  });

  it('can be named in after() and lives in the group it was added to', () => {
    const p = definePipeline(
      { name: 'p', parameters: { go: { type: 'BOOLEAN', default: true } } },
      (b, params) => {
        b.condition(params.go.eq(true), (c) => {
          const r = c.resolver({ name: 'r', outputs: { s: { type: 'system.Artifact', filter: '' } } });
          c.task(extract).after(r);
        });
      },
    );
    const [r, ex] = p.tasks;
    expect(r?.group.name).toBe('condition-1');
    expect(ex?.kind === 'container' && ex.settings.after).toEqual([r]);
  });
});
