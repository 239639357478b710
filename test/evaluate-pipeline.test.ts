import { describe, expect, it } from 'vitest';
import { eventsOf, runCli, tempSettings } from './helpers.js';

const EVALUATE = 'condition-1/condition-2/evaluate';
const INFRA = 'condition-1/condition-2/infra-validate';
const PUSH_GATE = 'condition-1/condition-2/condition-3';

describe('evaluate ‖ infra-validate, then push only when both bless', () => {
  it('blesses and pushes a good model; a worse candidate is not blessed and push is skipped', async () => {
    const { file } = tempSettings();
    const base = ['run', '--settings', file, '--env', 'test'];

    const first = await runCli(base).done;
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const events = eventsOf(first.stdout);
    // Both validators run at once: each started before the other finished.
    const at = (task: string, state: string) =>
      events.findIndex((e) => e.type === 'task' && e.task === task && e.state === state);
    expect(at(EVALUATE, 'RUNNING')).toBeLessThan(at(INFRA, 'SUCCEEDED'));
    expect(at(INFRA, 'RUNNING')).toBeLessThan(at(EVALUATE, 'SUCCEEDED'));
    expect(first.stdout).toMatch(/evaluate: blessed=true/);
    expect(first.stdout).toMatch(/push: pushed=true, version=\d+/);
    // The slice table: overall, per island, per sex, island × sex.
    expect(first.stdout).toMatch(/^overall\s+\d+\s+/m);
    expect(first.stdout).toMatch(/^Island=Biscoe\s+\d+/m);
    expect(first.stdout).toMatch(/^Sex=MALE\s+\d+/m);
    expect(first.stdout).toMatch(/^Island=Dream, Sex=FEMALE\s+\d+/m);

    // A deliberately worse candidate: one trial of one epoch.
    const worse = await runCli([...base, '--param', 'epochs=1', '--param', 'max_trials=1']).done;
    expect(worse.code).toBe(0);
    expect(worse.stdout).toMatch(/evaluate: blessed=false/);
    expect(worse.stdout).toMatch(/evaluate: NOT blessed/);
    expect(worse.stdout).toMatch(
      /accuracy on slice overall is [0-9.]+ vs baseline [0-9.]+: change .* absolute bound -1e-10 \(HIGHER_IS_BETTER\)/,
    );
    const states = eventsOf(worse.stdout).flatMap((e) => (e.type === 'task' ? [`${e.task}:${e.state}`] : []));
    expect(states).toContain(`${PUSH_GATE}:NOT_TRIGGERED`);
    expect(states.some((s) => s.startsWith(`${PUSH_GATE}/push`))).toBe(false);
  });
});
