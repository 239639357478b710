import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, vertexCron } from './cron.js';

describe('vertexCron', () => {
  it('prefixes the IANA zone as Vertex reads it, UTC by default', () => {
    expect(vertexCron('0 3 * * *', 'Europe/Amsterdam')).toBe('TZ=Europe/Amsterdam 0 3 * * *');
    expect(vertexCron('  */15 8-18 * * MON-FRI ')).toBe('TZ=UTC */15 8-18 * * MON-FRI');
    expect(vertexCron('0 0 1,15 jan,jul 0', 'america/new_york')).toBe(
      'TZ=America/New_York 0 0 1,15 jan,jul 0',
    );
  });

  it('accepts a TZ= or CRON_TZ= prefix already on the cron', () => {
    expect(vertexCron('CRON_TZ=Asia/Tokyo 30 2 * * 6')).toBe('TZ=Asia/Tokyo 30 2 * * 6');
    expect(vertexCron('TZ=Asia/Tokyo 30 2 * * 6', 'Asia/Tokyo')).toBe('TZ=Asia/Tokyo 30 2 * * 6');
    expect(() => vertexCron('TZ=Asia/Tokyo 30 2 * * 6', 'UTC')).toThrowError(
      expect.objectContaining({
        code: 'BAD_INPUT',
        details: expect.objectContaining({ found: 'Asia/Tokyo and UTC' }),
      }),
    );
  });

  it('names what is expected for an unknown zone', () => {
    expect(() => canonicalTimeZone('Europe/Amsterdm')).toThrowError(
      expect.objectContaining({
        code: 'BAD_INPUT',
        message:
          "'Europe/Amsterdm' is not a time zone: expected an IANA name such as Europe/Paris, America/New_York or UTC",
      }),
    );
  });

  it.each([
    ['0 3 * *', undefined, 'needs 5 fields'],
    ['0 3 * * * *', undefined, 'needs 5 fields'],
    ['60 3 * * *', 'minute', 'is out of range'],
    ['0 24 * * *', 'hour', 'is out of range'],
    ['0 3 0 * *', 'day of month', 'is out of range'],
    ['0 3 * 13 *', 'month', 'is out of range'],
    ['0 3 * * 7', 'day of week', 'is out of range'],
    ['0 3 * * FUN', 'day of week', 'is out of range'],
    ['*/0 3 * * *', 'minute', 'has a bad step'],
    ['0 18-8 * * *', 'hour', 'has a range that runs backwards'],
    ['0 1-2-3 * * *', 'hour', 'has a bad range'],
  ])('rejects %j (%s %s)', (cron, field, why) => {
    let caught: unknown;
    try {
      vertexCron(cron, 'UTC');
    } catch (err) {
      caught = err;
    }
    expect(caught).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining(why) });
    if (field) expect(caught).toMatchObject({ details: { field } });
  });

  it('says the expected range in the message', () => {
    expect(() => vertexCron('0 25 * * *')).toThrowError(
      "cron '0 25 * * *': hour '25' is out of range; expected *, a value, a range a-b, a list a,b or a step */n within 0-23",
    );
  });
});
