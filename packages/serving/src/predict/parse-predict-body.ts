import { CtpipeError } from '@ctpipe/errors';

export type Row = Record<string, unknown>;

/** A `:predict` body (TF Serving's PredictRequest in JSON, or Vertex AI's PredictRequest). */
export interface PredictBody {
  /** `instances` (row format, answered with `predictions`) or `inputs` (columnar, answered with `outputs`). */
  format: 'row' | 'columnar';
  /** Columnar inputs are turned into rows: the model takes rows. */
  rows: Row[];
  signatureName: string | undefined;
  /** Vertex AI's `parameters`. */
  parameters: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Parses a predict body and checks its shape, not its features (those depend on the version it is routed
 * to). Messages follow TF Serving's (util/json_tensor.cc). Everything wrong is BAD_INPUT (HTTP 400).
 */
export function parsePredictBody(text: string): PredictBody {
  if (text.length === 0) throw bad('JSON Parse error: The document is empty');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw bad(`JSON Parse error: ${(err as Error).message}`);
  }
  if (!isObject(doc)) throw bad(`JSON Value: ${preview(doc)} Is not object`);
  const signatureName = doc.signature_name;
  if (signatureName !== undefined && typeof signatureName !== 'string') {
    throw bad(`JSON Value: ${preview(signatureName)} 'signature_name' must be a string`);
  }
  const parameters = doc.parameters;
  if (parameters !== undefined && !isObject(parameters)) {
    throw bad(`JSON Value: ${preview(parameters)} 'parameters' must be an object`);
  }
  const hasInstances = doc.instances !== undefined;
  const hasInputs = doc.inputs !== undefined;
  if (hasInstances && hasInputs) {
    throw bad("Not formatted correctly expecting only one of 'inputs' or 'instances' keys to exist");
  }
  if (!hasInstances && !hasInputs) throw bad("Missing 'inputs' or 'instances' key");
  return {
    format: hasInstances ? 'row' : 'columnar',
    rows: hasInstances ? instanceRows(doc.instances) : columnarRows(doc.inputs),
    signatureName,
    parameters,
  };
}

function instanceRows(instances: unknown): Row[] {
  if (!Array.isArray(instances)) throw bad("Expecting 'instances' to be an list/array");
  if (instances.length === 0) throw bad("No values in 'instances' array");
  for (let i = 0; i < instances.length; i++) {
    const row: unknown = instances[i];
    if (!isObject(row)) {
      throw bad(
        `Expecting object but got ${jsonType(row)} at item ${i} of input list: the model has several named ` +
          'inputs, so each instance is an object of them',
      );
    }
  }
  return instances as Row[];
}

function columnarRows(inputs: unknown): Row[] {
  if (!isObject(inputs)) {
    throw bad(
      'inputs is a plain value/list, but expecting an object as multiple input tensors required as per tensorinfo_map',
    );
  }
  const names = Object.keys(inputs);
  let n = -1;
  for (const name of names) {
    // Assigned below as a row key, `__proto__` would set the row's prototype: never a feature name anyway.
    if (name === '__proto__') throw bad("Input '__proto__' is not an input of the serving signature");
    const values = inputs[name];
    if (!Array.isArray(values)) {
      throw bad(
        `Input '${name}' in 'inputs' must be a list with one value per instance, found ${preview(values)}`,
      );
    }
    if (n === -1) n = values.length;
    else if (values.length !== n) {
      throw bad(
        `Input '${name}' has ${values.length} values but '${names[0]}' has ${n}: all inputs share dim 0`,
      );
    }
  }
  if (n <= 0) throw bad("No values in 'inputs'");
  const rows: Row[] = new Array(n);
  for (let r = 0; r < n; r++) {
    const row: Row = {};
    for (const name of names) row[name] = (inputs[name] as unknown[])[r];
    rows[r] = row;
  }
  return rows;
}

function bad(message: string): CtpipeError {
  return new CtpipeError('BAD_INPUT', message);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** rapidjson's type names, as TF Serving's messages use them. */
export function jsonType(value: unknown): string {
  if (value === null) return 'Null';
  if (Array.isArray(value)) return 'Array';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return typeof value === 'object' ? 'Object' : typeof value === 'number' ? 'Number' : 'String';
}

/** A JSON value shortened for a message: a huge body is never echoed back. */
export function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // Nesting deeper than the stack (JSON.parse takes it, JSON.stringify recurses).
    return `<${jsonType(value)} nested too deep to show>`;
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
