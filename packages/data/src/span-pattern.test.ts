import { describe, expect, it } from 'vitest';
import { spanPatternMatcher } from './span-pattern.js';

describe('spanPatternMatcher', () => {
  it('lists with the placeholders as * and reads the span as a number', () => {
    const p = spanPatternMatcher('data/span-{SPAN}/*.csv');
    expect(p).toMatchObject({ glob: 'data/span-*/*.csv', hasVersion: false });
    expect(p.match('data/span-007/a.csv')).toEqual({ span: 7 });
    expect(p.match('data/span-x/a.csv')).toBeUndefined();
    expect(p.match('data/span-7/sub/a.csv')).toBeUndefined();
    expect(p.match('data/span-7/a.parquet')).toBeUndefined();
  });

  it('reads the version too when the pattern has {VERSION}', () => {
    const p = spanPatternMatcher('gs://b/s-{SPAN}/v-{VERSION}/part-?.parquet');
    expect(p).toMatchObject({ glob: 'gs://b/s-*/v-*/part-?.parquet', hasVersion: true });
    expect(p.match('gs://b/s-12/v-3/part-0.parquet')).toEqual({ span: 12, version: 3 });
  });

  it('requires a repeated placeholder to agree with itself', () => {
    const p = spanPatternMatcher('span-{SPAN}/part-{SPAN}.csv');
    expect(p.match('span-3/part-3.csv')).toEqual({ span: 3 });
    expect(p.match('span-3/part-4.csv')).toBeUndefined();
  });

  it('keeps the glob pieces literal apart from glob syntax (a dot is a dot, ** spans folders)', () => {
    const p = spanPatternMatcher('root/**/span-{SPAN}.csv');
    expect(p.match('root/a/b/span-1.csv')).toEqual({ span: 1 });
    expect(p.match('root/span-2.csv')).toEqual({ span: 2 });
    expect(p.match('root/span-2xcsv')).toBeUndefined();
  });

  it('matches nothing without {SPAN}', () => {
    const p = spanPatternMatcher('data/*.csv');
    expect(p).toMatchObject({ glob: 'data/*.csv', hasVersion: false });
    expect(p.match('data/a.csv')).toBeUndefined();
  });
});
