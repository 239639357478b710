import { CtpipeError } from '@ctpipe/errors';

interface Field {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

// unix-cron as Vertex AI (and Cloud Scheduler) read it: day of week 0–6 from Sunday, names allowed for months and days.
const FIELDS: readonly Field[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  { name: 'day of week', min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
];
const SHAPE = 'minute hour day-of-month month day-of-week, e.g. "0 3 * * *"';
const PREFIX = /^(?:CRON_TZ|TZ)=(\S+)\s+/;

/**
 * The schedule's cron in Vertex AI's form `TZ=<IANA zone> <5-field cron>`. The zone comes from `timeZone` or a
 * `TZ=`/`CRON_TZ=` prefix already on the cron (not both); without either it is UTC, Vertex's own default.
 */
export function vertexCron(cron: string, timeZone?: string): string {
  const trimmed = cron.trim();
  const prefixed = PREFIX.exec(trimmed);
  if (prefixed && timeZone !== undefined && prefixed[1] !== timeZone) {
    throw new CtpipeError(
      'BAD_INPUT',
      `the cron already names time zone ${prefixed[1]}; the time zone ${timeZone} conflicts with it`,
      { details: { expected: 'one time zone', found: `${prefixed[1]} and ${timeZone}` } },
    );
  }
  const zone = canonicalTimeZone(prefixed?.[1] ?? timeZone ?? 'UTC');
  const fields = validateCron(prefixed ? trimmed.slice(prefixed[0].length) : trimmed);
  return `TZ=${zone} ${fields.join(' ')}`;
}

/** The IANA name as Intl spells it (`europe/paris` → `Europe/Paris`); BAD_INPUT when Intl does not know it. */
export function canonicalTimeZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw new CtpipeError(
      'BAD_INPUT',
      `'${zone}' is not a time zone: expected an IANA name such as Europe/Paris, America/New_York or UTC`,
      { details: { expected: 'an IANA time zone (Area/City) or UTC', found: zone } },
    );
  }
}

/** The five fields of a standard cron, each checked against its range; BAD_INPUT names the field and its range. */
export function validateCron(cron: string): string[] {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5 || fields[0] === '') {
    throw new CtpipeError('BAD_INPUT', `cron '${cron}' needs 5 fields: ${SHAPE}`, {
      details: { expected: SHAPE, found: cron },
    });
  }
  fields.forEach((text, i) => {
    checkField(text, FIELDS[i]!, cron);
  });
  return fields;
}

function checkField(text: string, field: Field, cron: string): void {
  const range = `${field.min}-${field.max}${field.names ? ` or ${field.names[0]}-${field.names.at(-1)}` : ''}`;
  const fail = (why: string): never => {
    throw new CtpipeError(
      'BAD_INPUT',
      `cron '${cron}': ${field.name} '${text}' ${why}; expected *, a value, a range a-b, a list a,b or a step */n ` +
        `within ${range}`,
      { details: { field: field.name, expected: range, found: text } },
    );
  };
  for (const item of text.split(',')) {
    const [base = '', step, extra] = item.split('/');
    if (extra !== undefined || (step !== undefined && !/^[1-9]\d*$/.test(step))) fail('has a bad step');
    if (base === '*') continue;
    const [from = '', to, more] = base.split('-');
    if (more !== undefined) fail('has a bad range');
    const low = fieldValue(from, field) ?? fail('is out of range');
    const high = to === undefined ? low : (fieldValue(to, field) ?? fail('is out of range'));
    if (high < low) fail('has a range that runs backwards');
  }
}

function fieldValue(text: string, field: Field): number | undefined {
  const named = field.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0) return named + field.min;
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= field.min && n <= field.max ? n : undefined;
}
