import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openMetadataStore } from '@ctpipe/metadata';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { triggerCommand } from './trigger.js';

const PENGUINS = resolve(import.meta.dirname, '../../../../node_modules/vega-datasets/data/penguins.json');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ctpipe-trigger-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function settings(triggers: string, inputPattern = PENGUINS): string {
  const file = join(dir, 'settings.yaml');
  writeFileSync(
    file,
    [
      'defaults:',
      `  pipeline_root: ${join(dir, 'root')}`,
      `  metadata_db: ${join(dir, 'metadata.sqlite')}`,
      '  parameters:',
      `    input_pattern: ${JSON.stringify(inputPattern)}`,
      `    serving_base_path: ${join(dir, 'serving')}`,
      'environments:',
      '  test:',
      ...(triggers === '' ? ['    {}'] : ['    triggers:', ...triggers.split('\n').map((l) => `      ${l}`)]),
      '',
    ].join('\n'),
  );
  return file;
}

/** A non-TTY stdout: the command writes JSON lines. */
function output() {
  let text = '';
  return {
    isTTY: false,
    write(chunk: string) {
      text += chunk;
      return true;
    },
    lines: () =>
      text
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('ctpipe trigger --once', () => {
  it('polls once, prints JSON lines and remembers the schedule', async () => {
    const file = settings('poll_interval: 1s\nschedule: { cron: "0 3 * * *", time_zone: UTC }');
    const out = output();
    const code = await triggerCommand(['--settings', file, '--env', 'test', '--once'], out as never);
    expect(code).toBe(0);
    expect(out.lines().map((e) => e.type)).toEqual(['loop-started', 'loop-stopped']);
    expect(out.lines()[0]).toMatchObject({
      pipeline: 'ctpipe-ct',
      sources: ['schedule'],
      pollIntervalMs: 1000,
      maxConcurrentRuns: 1,
      once: true,
    });
    const store = openMetadataStore(join(dir, 'metadata.sqlite'));
    expect(await store.getTriggerState('ctpipe-ct', 'schedule')).toEqual({
      lastDue: expect.stringMatching(/T03:00:00\.000Z$/),
    });
    await store.close();
  });

  it('launches a queued request through the local runner with its trigger and reports its failure', async () => {
    const file = settings('poll_interval: 1s');
    const store = openMetadataStore(join(dir, 'metadata.sqlite'));
    await store.enqueueRunRequest({
      pipelineName: 'ctpipe-ct',
      trigger: 'pubsub',
      reason: 'by hand',
      parameters: { no_such_parameter: 1 },
    });
    const out = output();
    const code = await triggerCommand(
      ['--settings', file, '--env', 'test', '--once', '--poll-interval', '10ms'],
      out as never,
    );
    expect(code).toBe(1);
    const finished = out.lines().find((e) => e.type === 'finished');
    expect(finished).toMatchObject({
      requestId: 1,
      state: 'FAILED',
      error: "unknown pipeline parameter 'no_such_parameter'",
    });
    expect((await store.listRunRequests()).map((r) => [r.state, r.error])).toEqual([
      ['FAILED', "unknown pipeline parameter 'no_such_parameter'"],
    ]);
    expect(await store.runLockHolders('ctpipe-ct')).toEqual([]);
    await store.close();
  });

  it('refuses an environment without a triggers block, naming the key', async () => {
    const file = settings('');
    await expect(
      triggerCommand(['--settings', file, '--env', 'test', '--once'], output() as never),
    ).rejects.toMatchObject({
      code: 'BAD_CONFIG',
      details: { path: 'environments.test.triggers' },
    });
  });

  it('refuses new_data when input_pattern has no {SPAN}', async () => {
    const file = settings('new_data: {}');
    await expect(
      triggerCommand(['--settings', file, '--env', 'test', '--once'], output() as never),
    ).rejects.toMatchObject({
      code: 'BAD_CONFIG',
      details: { path: 'parameters.input_pattern' },
    });
  });
});
