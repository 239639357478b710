import { describe, expect, it } from 'vitest';
import { compareCodePoints, pythonFloatRepr, pythonIntRepr, pythonJsonString } from './python-json.js';

describe('Python number and string forms', () => {
  it('writes floats as repr(float) does', () => {
    const cases: [number, string][] = [
      [1, '1.0'],
      [0, '0.0'],
      [-0, '-0.0'],
      [0.268435456, '0.268435456'],
      [17.179869184, '17.179869184'],
      [0.1 + 0.2, '0.30000000000000004'],
      [1e-4, '0.0001'],
      [1e-5, '1e-05'],
      [-2.5e-7, '-2.5e-07'],
      [1e15, '1000000000000000.0'],
      [1e16, '1e+16'],
      [1.2345e20, '1.2345e+20'],
      [123.456, '123.456'],
    ];
    expect(cases.map(([n]) => pythonFloatRepr(n))).toEqual(cases.map(([, s]) => s));
  });

  it('writes ints without exponent', () => {
    expect([pythonIntRepr(5), pythonIntRepr(-12), pythonIntRepr(1e21)]).toEqual([
      '5',
      '-12',
      '1000000000000000000000',
    ]);
  });

  it('escapes strings as json.dumps with ensure_ascii', () => {
    expect(pythonJsonString('a"b\\c\n\t')).toBe('"a\\"b\\\\c\\n\\t"');
    expect(pythonJsonString('café €')).toBe('"caf\\u00e9 \\u20ac"');
    expect(pythonJsonString('😀\u007f\u0001')).toBe('"\\ud83d\\ude00\\u007f\\u0001"');
  });

  it('sorts keys by code point', () => {
    expect(['b', 'B', '\uff5e', '😀', 'a'].sort(compareCodePoints)).toEqual(['B', 'a', 'b', '\uff5e', '😀']);
  });
});
