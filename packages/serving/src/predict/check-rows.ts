import { CtpipeError } from '@ctpipe/errors';
import type { ServingSignature } from '@ctpipe/model';
import { isObject, jsonType, preview, type Row } from './parse-predict-body.js';

type InputKind = 'float' | 'string';

const kindsBySignature = new WeakMap<ServingSignature, Map<string, InputKind>>();

/**
 * Checks every row against the version's signature before it is queued, so one bad request never fails a
 * merged batch: each key must be a raw input, each value a scalar of its dtype or null (missing, filled by the
 * TransformGraph or refused by it). `{"b64": "…"}` values of string inputs are decoded in place, as TF Serving
 * does. Errors are BAD_INPUT naming the instance, the feature and the expected type.
 */
export function checkRows(rows: Row[], signature: ServingSignature, format: 'row' | 'columnar'): void {
  const kinds = inputKinds(signature);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    for (const name in row) {
      const kind = kinds.get(name);
      if (kind === undefined) {
        throw bad(
          format,
          i,
          name,
          `unknown input; the serving signature's inputs are: ${[...kinds.keys()].join(', ')}`,
          {
            expected: [...kinds.keys()].join(', '),
            found: name,
          },
        );
      }
      const value = row[name];
      if (value === null) continue;
      if (kind === 'float' ? typeof value === 'number' : typeof value === 'string') continue;
      if (
        kind === 'string' &&
        isObject(value) &&
        typeof value.b64 === 'string' &&
        Object.keys(value).length === 1
      ) {
        row[name] = Buffer.from(value.b64, 'base64').toString('utf8');
        continue;
      }
      const shape = Array.isArray(value) ? ' (each instance holds one value: the input has shape [-1])' : '';
      throw bad(
        format,
        i,
        name,
        `JSON Value: ${preview(value)} Type: ${jsonType(value)} is not of expected type: ${kind}${shape}`,
        { expected: kind, found: preview(value) },
      );
    }
  }
}

function inputKinds(signature: ServingSignature): Map<string, InputKind> {
  let kinds = kindsBySignature.get(signature);
  if (!kinds) {
    kinds = new Map(
      Object.entries(signature.inputs).map(([name, info]) => [
        name,
        info.dtype === 'DT_STRING' ? 'string' : 'float',
      ]),
    );
    kindsBySignature.set(signature, kinds);
  }
  return kinds;
}

function bad(
  format: 'row' | 'columnar',
  i: number,
  name: string,
  error: string,
  details: { expected: string; found: string },
): CtpipeError {
  const where =
    format === 'row'
      ? `Failed to process element: ${i} key: ${name} of 'instances' list.`
      : `Failed to process input: ${name} element: ${i} of 'inputs'.`;
  return new CtpipeError('BAD_INPUT', `${where} Error: INVALID_ARGUMENT: ${error}`, {
    details: { row: i, column: name, ...details },
  });
}
