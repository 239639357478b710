import { z } from 'zod';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name, checked against the runtime's tz database (schedules run in it, DST included). */
export const timeZone = z
  .string({ error: 'expected an IANA time zone such as "Europe/Amsterdam" or "UTC"' })
  .refine(isTimeZone, 'expected an IANA time zone such as "Europe/Amsterdam" or "UTC"');
