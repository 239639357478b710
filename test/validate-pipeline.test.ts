import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventsOf, PENGUINS, runCli, tempSettings } from './helpers.js';

type Row = Record<string, unknown>;

describe('ctpipe run: validate on a new span', () => {
  it('clean span: no anomalies; a bad span: the four anomalies, printed as a table, and valid=false', async () => {
    const { dir, file } = tempSettings();
    const data = join(dir, 'data');
    const penguins = JSON.parse(readFileSync(PENGUINS, 'utf8')) as Row[];
    const writeSpan = (span: number, rows: Row[]) => {
      mkdirSync(join(data, `span-${span}`), { recursive: true });
      writeFileSync(join(data, `span-${span}`, 'penguins.json'), JSON.stringify(rows));
    };
    writeSpan(1, penguins);
    const args = [
      'run',
      '--settings',
      file,
      '--env',
      'test',
      '--param',
      `input_pattern=${data}/span-{SPAN}/*.json`,
    ];

    const first = await runCli(args).done;
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('validate: no anomalies');

    writeSpan(
      2,
      penguins.map((row, i) => {
        const { 'Body Mass (g)': _dropped, ...rest } = row;
        return {
          ...rest,
          Island: i % 40 === 0 ? 'Atlantis' : row.Island,
          'Beak Length (mm)': i % 9 === 0 ? 'n/a' : row['Beak Length (mm)'],
          'Flipper Length (mm)':
            typeof row['Flipper Length (mm)'] === 'number' ? row['Flipper Length (mm)'] + 40 : null,
        };
      }),
    );
    const second = await runCli(args).done;
    expect(second.stderr).toBe('');
    const validateDone = eventsOf(second.stdout).find(
      (e) => e.type === 'task' && e.task === 'validate' && e.state === 'SUCCEEDED',
    );
    expect(validateDone).toBeDefined();
    // The gate: nothing after validate ran — transform and train sit in the condition that was not triggered.
    const states = eventsOf(second.stdout).flatMap((e) =>
      e.type === 'task' ? [`${e.task}:${e.state}`] : [],
    );
    expect(states).toContain('condition-1:NOT_TRIGGERED');
    expect(states.filter((s) => s.startsWith('condition-1/'))).toEqual([]);
    expect(second.stdout).toContain('validate: valid=false');
    const table = second.stdout.slice(second.stdout.indexOf('validate: '));
    expect(table).toMatch(/validate: \d+ anomalies/);
    for (const [feature, reason] of [
      ['Body Mass (g)', 'Column dropped'],
      ['Island', 'Unexpected string values'],
      ['Beak Length (mm)', 'Unexpected data type'],
      ['Flipper Length (mm)', 'High approximate Jensen-Shannon divergence'],
    ] as const) {
      expect(table).toMatch(new RegExp(`train\\s+${feature.replace(/[()]/g, '\\$&')}\\s+ERROR\\s+${reason}`));
    }
  });
});
