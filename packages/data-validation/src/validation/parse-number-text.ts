/**
 * How TFDV reads string values as numbers (absl::SimpleAtoi / SimpleAtof): surrounding whitespace allowed,
 * the whole text must be the number. Used for int/float domains declared on string features.
 */
const INT_TEXT = /^\s*[+-]?\d+\s*$/;
const FLOAT_TEXT = /^\s*[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)\s*$/i;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export function parseInt64Text(text: string): number | undefined {
  if (!INT_TEXT.test(text)) return undefined;
  const value = BigInt(text.trim());
  return value < INT64_MIN || value > INT64_MAX ? undefined : Number(value);
}

export function parseFloatText(text: string): number | undefined {
  if (!FLOAT_TEXT.test(text)) return undefined;
  const t = text.trim().toLowerCase().replace(/^\+/, '');
  if (t.endsWith('nan')) return Number.NaN;
  if (t.endsWith('inf') || t.endsWith('infinity')) return t.startsWith('-') ? -Infinity : Infinity;
  return Math.fround(Number(t));
}
