import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PipelineSpec, validatePipelineSpec } from '@ctpipe/ir';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from './helpers.js';

async function compile(args: string[]): Promise<{ spec: PipelineSpec; stdout: string }> {
  const out = join(mkdtempSync(join(tmpdir(), 'ctpipe-compile-')), 'pipeline.json');
  const result = await runCli(['compile', ...args, '-o', out]).done;
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return { spec: JSON.parse(readFileSync(out, 'utf8')) as PipelineSpec, stdout: result.stdout };
}

/** Every task of every DAG (root and sub-DAGs), with the DAG it sits in. */
function allTasks(spec: PipelineSpec) {
  const dags = [['root', spec.root] as const, ...Object.entries(spec.components)];
  return dags.flatMap(([dag, c]) =>
    Object.entries(c.dag?.tasks ?? {}).map(([name, task]) => ({ dag, name, task })),
  );
}

describe('ctpipe compile --env prod: the full CT pipeline for Vertex AI', () => {
  const settings = join(REPO_ROOT, 'settings.yaml');

  it('conforms to the PipelineSpec proto and embeds the environment as defaults', async () => {
    const { spec } = await compile(['--settings', settings, '--env', 'prod']);
    const checked = validatePipelineSpec(spec);
    expect(checked.ok ? [] : checked.problems).toEqual([]);
    expect(spec.defaultPipelineRoot).toBe('gs://ctpipe-prod-pipeline-root');
    const params = spec.root.inputDefinitions?.parameters ?? {};
    expect(params.model_name?.defaultValue).toBe('penguins');
    expect(params.input_pattern?.defaultValue).toEqual(expect.any(String));
    const names = allTasks(spec).map((t) => t.name);
    for (const step of ['extract', 'validate', 'transform', 'train', 'evaluate', 'infra-validate', 'push']) {
      expect(names).toContain(step);
    }
  });

  it('has conditions in CEL that reference only the inputs their task declares', async () => {
    const { spec } = await compile(['--settings', settings, '--env', 'prod']);
    const conditions = allTasks(spec).filter((t) => t.task.triggerPolicy?.condition);
    // validate → valid; tune → two branches; evaluate ‖ infra-validate blessed → push (once per branch).
    expect(conditions.length).toBe(5);
    for (const { dag, name, task } of conditions) {
      const cel = task.triggerPolicy?.condition ?? '';
      const refs = [...cel.matchAll(/inputs\.parameter_values\['([^']+)'\]/g)].map((m) => m[1]!);
      expect(refs.length, `${dag}/${name}: ${cel}`).toBeGreaterThan(0);
      // Nothing but parameter references, comparisons with literals, && and ||.
      const rest = cel.replace(/inputs\.parameter_values\['[^']+'\]/g, 'X');
      expect(rest, `${dag}/${name}`).toMatch(
        /^(\(?\s*X\s*(==|!=|<|>|<=|>=)\s*(true|false|-?\d+(\.\d+)?|'[^']*')\s*\)?\s*(&&|\|\||$)\s*)+$/,
      );
      for (const ref of refs) {
        expect(Object.keys(task.inputs?.parameters ?? {}), `${dag}/${name} uses ${ref}`).toContain(ref);
      }
    }
  });

  it('carries caching options, retry policies and resources', async () => {
    const { spec } = await compile(['--settings', settings, '--env', 'prod']);
    const byName = new Map(allTasks(spec).map((t) => [t.name, t.task]));
    expect(byName.get('extract')?.cachingOptions).toEqual({ enableCache: true });
    expect(byName.get('extract')?.retryPolicy).toMatchObject({ maxRetryCount: 1, backoffDuration: '5s' });
    const train = spec.deploymentSpec.executors['exec-train'];
    expect(train && 'container' in train ? train.container.resources : undefined).toMatchObject({
      memoryLimit: 8,
    });
  });
});

describe('ctpipe compile: a settings.yaml the pipeline cannot use', () => {
  const cases = [
    {
      name: 'an unknown parameter',
      params: '    input_pattern: data.csv\n    max_trails: 5\n',
      message: /environments\.test\.parameters\.max_trails: the CT pipeline has no such parameter/,
    },
    {
      name: 'a parameter of the wrong type',
      params: '    input_pattern: data.csv\n    max_trials: many\n',
      message: /environments\.test\.parameters\.max_trials: expected NUMBER_INTEGER, found "many"/,
    },
    {
      name: 'a missing required parameter',
      params: '    model_name: penguins\n',
      message: /environments\.test\.parameters\.input_pattern: missing/,
    },
  ];
  for (const c of cases) {
    it(`fails on ${c.name} with the key path and what is expected`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ctpipe-bad-settings-'));
      const file = join(dir, 'settings.yaml');
      writeFileSync(
        file,
        `defaults:\n  pipeline_root: root\n  metadata_db: m.sqlite\n  parameters:\n${c.params}environments:\n  test: {}\n`,
      );
      const result = await runCli(['compile', '--settings', file, '--env', 'test', '-o', join(dir, 'p.json')])
        .done;
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(c.message);
      expect(result.stderr).toContain(`file: ${file}`);
    });
  }
});
