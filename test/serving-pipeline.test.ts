import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, REPO_ROOT, runCli, tempSettings } from './helpers.js';

async function get(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const versionsOf = (body: unknown) =>
  (body as { model_version_status?: { version: string; state: string }[] }).model_version_status?.map(
    (s) => `${s.version}:${s.state}`,
  ) ?? [];

describe('push → serve → canary → promote → rollback, without restarting the server', () => {
  it('a second blessed model appears as version 2 under canary; promote and rollback show in the model status', async () => {
    const { file } = tempSettings({ model_name: 'penguin' });
    const base = ['--settings', file, '--env', 'test'];
    expect((await runCli(['run', ...base, '--param', 'epochs=2']).done).code).toBe(0);

    const port = 18_000 + Math.floor(Math.random() * 2000);
    const server = spawn(process.execPath, [CLI, 'serve', ...base, '--port', String(port)], {
      cwd: REPO_ROOT,
    });
    let printed = '';
    server.stdout.on('data', (d: Buffer) => {
      printed += d;
    });
    try {
      const url = `http://127.0.0.1:${port}/v1/models/penguin`;
      const first = await until(
        () => get(url).catch(() => ({ status: 0, body: {} })),
        (r) => r.status === 200,
      );
      expect(versionsOf(first.body)).toEqual(['1:AVAILABLE']);
      // The printed curl line predicts species from a raw penguin.
      await until(
        async () => printed,
        (p) => p.includes('curl -s'),
      );
      const body = /-d '(.*)'$/m.exec(printed)?.[1];
      const predicted = await fetch(`${url}:predict`, { method: 'POST', body: body! });
      const prediction = (await predicted.json()) as {
        predictions: { probabilities: number[]; classes: string }[];
      };
      expect(prediction.predictions[0]?.probabilities).toHaveLength(3);
      expect(['Adelie', 'Chinstrap', 'Gentoo']).toContain(prediction.predictions[0]?.classes);

      // A second run: its blessed model is pushed as version 2, labelled canary, and served without a restart.
      expect((await runCli(['run', ...base]).done).code).toBe(0);
      const both = await until(
        () => get(url),
        (r) => versionsOf(r.body).includes('2:AVAILABLE'),
      );
      expect(versionsOf(both.body)).toEqual(['2:AVAILABLE', '1:AVAILABLE']);
      expect(versionsOf((await get(`${url}/labels/canary`)).body)).toEqual(['2:AVAILABLE']);
      expect(versionsOf((await get(`${url}/labels/stable`)).body)).toEqual(['1:AVAILABLE']);

      expect((await runCli(['models', 'promote', 'penguin', ...base]).done).code).toBe(0);
      const promoted = await until(
        () => get(`${url}/labels/stable`),
        (r) => versionsOf(r.body)[0] === '2:AVAILABLE',
      );
      expect(versionsOf(promoted.body)).toEqual(['2:AVAILABLE']);

      // Roll back: put version 1 back as a canary, then drop it — the canary label is gone.
      expect((await runCli(['models', 'label', 'penguin', 'canary', '1', ...base]).done).code).toBe(0);
      await until(
        () => get(`${url}/labels/canary`),
        (r) => r.status === 200,
      );
      expect((await runCli(['models', 'rollback', 'penguin', ...base]).done).code).toBe(0);
      const dropped = await until(
        () => get(`${url}/labels/canary`),
        (r) => r.status !== 200,
      );
      expect(dropped.status).toBe(400);
      expect(versionsOf((await get(`${url}/labels/stable`)).body)).toEqual(['2:AVAILABLE']);
    } finally {
      server.kill('SIGTERM');
    }
  });
});
