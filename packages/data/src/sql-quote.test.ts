import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Engine, openEngine } from './engine.js';
import { quoteIdent, quoteLiteral, sqlColumnsStruct, sqlStringList } from './sql-quote.js';

describe('SQL quoting', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openEngine({ threads: 1 });
  });
  afterAll(() => engine.close());

  it('quotes identifiers and literals', () => {
    expect(quoteIdent('Beak Length (mm)')).toBe('"Beak Length (mm)"');
    expect(quoteIdent('say "hi"')).toBe('"say ""hi"""');
    expect(quoteLiteral("it's")).toBe("'it''s'");
    expect(sqlStringList(['a.csv', "b's.csv"])).toBe("['a.csv', 'b''s.csv']");
    expect(sqlColumnsStruct([{ name: 'Body Mass (g)', type: 'BIGINT' }])).toBe("{'Body Mass (g)': 'BIGINT'}");
  });

  it('refuses NUL in a literal', () => {
    expect(() => quoteLiteral('a\0b')).toThrow(/NUL/);
  });

  it('round-trips awkward column names through DuckDB exactly', async () => {
    const names = ['Beak Length (mm)', 'say "hi"', "it's", 'ünïcode ✓', 'select'];
    const select = `SELECT ${names.map((n, i) => `${i} AS ${quoteIdent(n)}`).join(', ')}`;
    const columns = await engine.describe(select);
    expect(columns.map((c) => c.name)).toEqual(names);
    const [row] = await engine.query(`SELECT ${quoteIdent(names[1] as string)} AS v FROM (${select})`);
    expect(row?.v).toBe(1);
  });
});
