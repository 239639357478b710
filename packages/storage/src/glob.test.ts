import { describe, expect, it } from 'vitest';
import { compileGlob, hasWildcard } from './glob.js';

function matching(pattern: string, paths: string[]): string[] {
  const glob = compileGlob(pattern);
  return paths.filter((p) => glob.matches(p));
}

const PATHS = ['a/x.csv', 'a/y.csv', 'a/x.json', 'a/b/x.csv', 'a/b/c/x.csv', 'ab/x.csv', 'a/.hidden.csv'];

describe('compileGlob', () => {
  it('* stays within one segment', () => {
    expect(matching('a/*.csv', PATHS)).toEqual(['a/x.csv', 'a/y.csv', 'a/.hidden.csv']);
    expect(matching('*/x.csv', PATHS)).toEqual(['a/x.csv', 'ab/x.csv']);
  });

  it('? matches exactly one character, never a slash', () => {
    expect(matching('a/?.csv', PATHS)).toEqual(['a/x.csv', 'a/y.csv']);
    expect(matching('a?x.csv', ['a/x.csv', 'abx.csv'])).toEqual(['abx.csv']);
  });

  it('** matches zero or more whole segments', () => {
    expect(matching('a/**/x.csv', PATHS)).toEqual(['a/x.csv', 'a/b/x.csv', 'a/b/c/x.csv']);
    expect(matching('a/**', PATHS)).toEqual(PATHS.filter((p) => p.startsWith('a/')));
    expect(matching('**/c/*.csv', PATHS)).toEqual(['a/b/c/x.csv']);
  });

  it('treats regex and brace characters literally', () => {
    expect(
      matching('data/v1.0+(x)[1]{a,b}.csv', ['data/v1.0+(x)[1]{a,b}.csv', 'data/v1X0+(x)1a.csv']),
    ).toEqual(['data/v1.0+(x)[1]{a,b}.csv']);
  });

  it('reports the literal prefix before the first wildcard, and whether ** occurs', () => {
    expect(compileGlob('data/2024-*/part-?.parquet')).toMatchObject({
      literalPrefix: 'data/2024-',
      crossesSegments: false,
    });
    expect(compileGlob('data/**/x')).toMatchObject({ literalPrefix: 'data/', crossesSegments: true });
    expect(compileGlob('data/x').literalPrefix).toBe('data/x');
  });

  it('rejects ** inside a segment', () => {
    expect(() => compileGlob('data/**.csv')).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT', details: expect.objectContaining({ found: '**.csv' }) }),
    );
  });
});

describe('hasWildcard', () => {
  it('sees * and ? only', () => {
    expect(['a/*', 'a?', 'a/[b]', 'a{b}'].map(hasWildcard)).toEqual([true, true, false, false]);
  });
});
