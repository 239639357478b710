import type { ObjectInfo } from '@ctpipe/storage';
import type { TriggerFire } from '../source.js';
import type { SpanPattern } from './span-pattern.js';

export interface NewDataState {
  /** The highest span already run (or skipped as old); only greater spans fire. */
  lastSpan: number;
  /** Span → its files' signature at the previous poll: a span fires once two polls agree. */
  seen: Record<string, string>;
}

export interface NewDataDecision {
  fired: TriggerFire[];
  skipped: string[];
  state: NewDataState;
}

export interface NewDataInput {
  pattern: string;
  spanPattern: SpanPattern;
  listed: readonly ObjectInfo[];
  state: NewDataState;
  now: Date;
  /** Files untouched this long are complete even without a second poll (a cron-style `--once` sees them once). */
  settleMs: number;
}

interface Span {
  span: number;
  files: ObjectInfo[];
}

/**
 * A span fires when it is greater than the last span and its files are stable: the same names, sizes and mtimes as
 * at the previous poll, or all older than `settleMs`. A half-copied file keeps changing, so it does not start a run.
 * Several new spans fire in order, one request each; an unstable span holds back the spans after it, so runs keep
 * span order.
 */
export function decideNewData(input: NewDataInput): NewDataDecision {
  const spans = groupBySpan(input);
  const fired: TriggerFire[] = [];
  const skipped: string[] = [];
  const seen: Record<string, string> = {};
  let lastSpan = input.state.lastSpan;
  let blocked = false;
  for (const { span, files } of spans) {
    if (span <= input.state.lastSpan) continue;
    const signature = signatureOf(files);
    seen[String(span)] = signature;
    if (blocked) continue;
    const newest = Math.max(...files.map((f) => f.updated.getTime()));
    const settled = input.now.getTime() - newest >= input.settleMs;
    if (input.state.seen[String(span)] !== signature && !settled) {
      skipped.push(`span ${span}: ${files.length} file(s) still changing; waiting for them to settle`);
      blocked = true;
      continue;
    }
    fired.push({
      trigger: 'new-data',
      reason: `new span ${span} (${files.length} file(s)) matching ${input.pattern}`,
      parameters: { span },
      dedupeKey: `span-${span}`,
    });
    lastSpan = span;
  }
  for (const key of Object.keys(seen)) if (Number(key) <= lastSpan) delete seen[key];
  return { fired, skipped, state: { lastSpan, seen } };
}

/** Spans in order, each with the files of its latest version (what extract will read). */
function groupBySpan(input: NewDataInput): Span[] {
  const bySpan = new Map<number, { file: ObjectInfo; version: number }[]>();
  for (const file of input.listed) {
    const m = input.spanPattern.match(file.uri);
    if (!m) continue;
    const list = bySpan.get(m.span) ?? [];
    list.push({ file, version: m.version ?? 0 });
    bySpan.set(m.span, list);
  }
  return [...bySpan.entries()]
    .sort(([a], [b]) => a - b)
    .map(([span, list]) => {
      const latest = Math.max(...list.map((f) => f.version));
      return { span, files: list.filter((f) => f.version === latest).map((f) => f.file) };
    });
}

function signatureOf(files: readonly ObjectInfo[]): string {
  return files
    .map((f) => `${f.uri}:${f.size}:${f.updated.getTime()}`)
    .sort()
    .join('|');
}
