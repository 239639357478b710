import { CtpipeError } from '@ctpipe/errors';

// A model name is a folder name and a URL segment (/v1/models/<name>): no slash, colon or leading dot.
const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
// TF Serving documents labels as [a-zA-Z0-9_]+; a label made only of digits would read as a version.
const LABEL = /^[a-zA-Z0-9_]+$/;

/** A version number or a label, as `ctpipe models show --version 3 | --label stable` names one. */
export type VersionRef = { version: number } | { label: string };

export function checkModelName(model: string): string {
  if (!MODEL_NAME.test(model)) {
    throw new CtpipeError('BAD_INPUT', `invalid model name '${model}'`, {
      details: { model, expected: 'letters, digits, _ . - (not starting with . _ or -)', found: model },
    });
  }
  return model;
}

export function checkLabel(label: string, model: string): string {
  if (!LABEL.test(label) || /^\d+$/.test(label)) {
    throw new CtpipeError('BAD_INPUT', `invalid label '${label}'`, {
      details: { model, label, expected: '[a-zA-Z0-9_]+ with at least one non-digit', found: label },
    });
  }
  return label;
}

export function checkVersion(version: number, model: string): number {
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new CtpipeError('BAD_INPUT', `invalid version ${version}`, {
      details: { model, version, expected: 'a positive integer' },
    });
  }
  return version;
}

/** `3` → version 3, `stable` → label stable. */
export function parseVersionRef(text: string, model: string): VersionRef {
  if (/^\d+$/.test(text)) return { version: checkVersion(Number(text), model) };
  return { label: checkLabel(text, model) };
}

export function checkPercent(percent: number, model: string): number {
  if (!Number.isFinite(percent) || percent < 0 || percent > 100 || !Number.isInteger(percent)) {
    throw new CtpipeError('BAD_INPUT', `the canary traffic share must be an integer from 0 to 100`, {
      details: { model, expected: '0..100', found: String(percent) },
    });
  }
  return percent;
}
