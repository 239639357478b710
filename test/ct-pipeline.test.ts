import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validatePipelineSpec } from '@ctpipe/ir';
import { openMetadataStore } from '@ctpipe/metadata';
import { describe, expect, it } from 'vitest';
import { eventsOf, runCli, tempSettings } from './helpers.js';

describe('ctpipe run: the CT pipeline on the penguins', () => {
  const { dir, file } = tempSettings();
  const base = ['--settings', file, '--env', 'test'];

  it('extracts the penguins into split Parquet, then reuses the result from cache', async () => {
    const first = await runCli(['run', ...base]).done;
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const done = eventsOf(first.stdout).find(
      (e) => e.type === 'task' && e.task === 'extract' && e.state === 'SUCCEEDED',
    );
    const examples = done?.type === 'task' ? done.artifacts?.examples : undefined;
    expect(examples).toBeDefined();
    expect(readdirSync(examples!).sort()).toEqual(['Split-eval', 'Split-train']);
    expect(first.stdout).toMatch(/run ctpipe-ct-\S+: SUCCEEDED/);

    const second = await runCli(['run', ...base, '--verbose']).done;
    expect(second.code).toBe(0);
    const events = eventsOf(second.stdout);
    const extractStates = events.flatMap((e) => (e.type === 'task' && e.task === 'extract' ? [e.state] : []));
    expect(extractStates).toEqual(['CACHED']);
    const finished = events.find((e) => e.type === 'run-finished');
    expect(finished?.type === 'run-finished' && finished.state).toBe('SUCCEEDED');
    expect(second.stdout).toContain(`examples: ${examples}`);

    const runs = await runCli(['runs', ...base]).done;
    expect(runs.code).toBe(0);
    // Run 1: all seven container tasks ran. Run 2: validate and evaluate ran once more (their baselines, the
    // previous statistics and blessing, are new) and push with them; extract, transform, train and infra-validate
    // were reused (validate produced the same schema: same content digest).
    expect(runs.stdout).toMatch(/SUCCEEDED .* 3 ran, 4 cached, 0 failed/);
    expect(runs.stdout).toMatch(/SUCCEEDED .* 7 ran, 0 cached, 0 failed/);

    const lineage = await runCli(['lineage', examples!, ...base]).done;
    expect(lineage.code).toBe(0);
    expect(lineage.stdout).toContain('task extract (extract)');
    expect(lineage.stdout).toContain('reused from cache by:');
  });

  it('compiles to a pipeline.json that conforms to the KFP PipelineSpec, with the environment’s defaults', async () => {
    const out = join(dir, 'pipeline.json');
    const result = await runCli(['compile', ...base, '-o', out]).done;
    expect(result.code).toBe(0);
    const spec = JSON.parse(readFileSync(out, 'utf8'));
    const checked = validatePipelineSpec(spec);
    expect(checked.ok ? [] : checked.problems).toEqual([]);
    expect(spec.schemaVersion).toBe('2.1.0');
    expect(Object.keys(spec.components)).toEqual(
      expect.arrayContaining([
        'comp-extract',
        'comp-previous-validation',
        'comp-validate',
        'comp-transform',
        'comp-train',
      ]),
    );
    // The gate: transform and train live in the sub-DAG that runs only when validate says valid.
    expect(spec.root.dag.tasks['condition-1'].triggerPolicy.condition).toBe(
      "inputs.parameter_values['pipelinechannel--validate-valid'] == true",
    );
    expect(Object.keys(spec.components['comp-condition-1'].dag.tasks)).toContain('transform');
    expect(spec.deploymentSpec.executors['exec-extract'].container.args).toEqual([
      '--executor-input',
      '{{$}}',
    ]);
    expect(spec.root.inputDefinitions.parameters.input_pattern.defaultValue).toMatch(/penguins\.json$/);
    expect(spec.deploymentSpec.executors['exec-extract'].container.lifecycle).toEqual({
      preCacheCheck: {
        command: ['node', '/app/components/extract/dist/main.js'],
        args: ['--pre-cache-check', '--executor-input', '{{$}}'],
      },
    });
  });
});

describe('ctpipe run: new data under the same pattern', () => {
  it('is a cache miss (the pre-cache check fingerprints the files); unchanged data is a hit', async () => {
    const { dir, file } = tempSettings();
    const data = join(dir, 'data');
    mkdirSync(join(data, 'span-1'), { recursive: true });
    writeFileSync(join(data, 'span-1', 'rows.csv'), 'id,x\n1,0.5\n2,1.5\n');
    const args = [
      'run',
      '--settings',
      file,
      '--env',
      'test',
      '--param',
      `input_pattern=${data}/span-{SPAN}/*.csv`,
    ];
    const stateOf = (stdout: string) =>
      eventsOf(stdout).flatMap((e) =>
        e.type === 'task' && e.task === 'extract' && e.state !== 'RUNNING' ? [e.state] : [],
      );

    expect(stateOf((await runCli(args).done).stdout)).toEqual(['SUCCEEDED']);
    expect(stateOf((await runCli(args).done).stdout)).toEqual(['CACHED']);
    mkdirSync(join(data, 'span-2'));
    writeFileSync(join(data, 'span-2', 'rows.csv'), 'id,x\n3,2.5\n4,3.5\n5,4.5\n');
    const third = await runCli(args).done;
    expect(stateOf(third.stdout)).toEqual(['SUCCEEDED']);
    const store = openMetadataStore(join(dir, 'metadata.sqlite'));
    const [latest] = await store.listRuns({ limit: 1 });
    const run = await store.getRun(latest!.runId);
    expect(run?.executions[0]?.inputParameters.span).toBe(2);
    expect(run?.executions[0]?.outputParameters).toEqual({ span: 2, row_count: 3 });
    await store.close();
  });
});

describe('ctpipe run: bad input exits non-zero, names the file and the place, registers nothing', () => {
  const cases = [
    {
      name: 'a malformed CSV row',
      file: 'bad.csv',
      text: 'a,b\n1,2\n3,4,5\n',
      expect: /bad\.csv.*line: 3|line=3/s,
    },
    { name: 'an unknown file type', file: 'data.xlsx', text: 'PK', expect: /data\.xlsx/ },
    { name: 'a missing file', file: null, text: '', expect: /missing\.csv/ },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const { dir, file } = tempSettings();
      const input = join(dir, c.file ?? 'missing.csv');
      if (c.file) writeFileSync(input, c.text);
      const result = await runCli([
        'run',
        '--settings',
        file,
        '--env',
        'test',
        '--param',
        `input_pattern=${input}`,
      ]).done;
      expect(result.code).not.toBe(0);
      const failed = eventsOf(result.stdout).find((e) => e.type === 'task' && e.state === 'FAILED');
      expect(failed?.type === 'task' && failed.error).toMatch(c.expect);
      const store = openMetadataStore(join(dir, 'metadata.sqlite'));
      const [run] = await store.listRuns();
      const detail = await store.getRun(run!.runId);
      expect(detail?.state).toBe('FAILED');
      expect(detail?.executions.map((e) => [e.state, e.outputs.length])).toEqual([['FAILED', 0]]);
      const planned = join(dir, 'root', 'ctpipe-ct', run!.runId, 'extract', 'examples');
      expect(await store.getArtifact(planned)).toBeNull();
      expect(existsSync(planned)).toBe(false);
      await store.close();
    });
  }

  it('a broken settings.yaml names the key and what was expected', async () => {
    const { file } = tempSettings();
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('environments:', 'environments:\n  broken:\n    max_parallel: many'),
    );
    const result = await runCli(['run', '--settings', file, '--env', 'broken']).done;
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('environments.broken.max_parallel');
  });
});
