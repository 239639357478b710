import { readFileSync } from 'node:fs';
import { diffDefinitions, parseComponentYaml } from '@ctpipe/contract';
import { describe, expect, it } from 'vitest';
import { evaluateSpec } from './spec.js';

describe('evaluate component.yaml', () => {
  it('agrees with spec.ts (names, types, defaults, optionality)', () => {
    const file = new URL('../component.yaml', import.meta.url);
    const parsed = parseComponentYaml(readFileSync(file, 'utf8'), file.pathname);
    expect(diffDefinitions(evaluateSpec, parsed.definition)).toEqual([]);
    expect(parsed.implementation.command).toEqual(['node', '/app/components/evaluate/dist/main.js']);
    expect(parsed.implementation.args).toEqual(['--executor-input', { executorInput: null }]);
  });
});
