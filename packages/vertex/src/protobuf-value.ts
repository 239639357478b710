import type { JsonObject, JsonValue } from '@ctpipe/ir';
import type { protos } from '@google-cloud/aiplatform';

export type ProtobufValue = protos.google.protobuf.IValue;
export type ProtobufStruct = protos.google.protobuf.IStruct;

// The gapic client encodes requests with protobufjs, which has no JSON mapping for google.protobuf.Struct/Value:
// a plain object given as a Struct silently becomes {}. Values therefore go in the message form, one `kind` each.
// (The package's own helpers.toValue does the same, but importing it loads every Vertex proto.)

export function toProtobufValue(value: JsonValue): ProtobufValue {
  if (value === null) return { nullValue: 'NULL_VALUE' };
  if (typeof value === 'boolean') return { boolValue: value };
  if (typeof value === 'number') return { numberValue: value };
  if (typeof value === 'string') return { stringValue: value };
  if (Array.isArray(value)) return { listValue: { values: value.map(toProtobufValue) } };
  return { structValue: toProtobufStruct(value) };
}

export function toProtobufStruct(object: JsonObject): ProtobufStruct {
  const fields: Record<string, ProtobufValue> = {};
  for (const [key, value] of Object.entries(object)) fields[key] = toProtobufValue(value);
  return { fields };
}

/** The proto3 JSON form again (what the REST API and pipeline.json hold); accepts decoded messages too. */
export function fromProtobufValue(value: ProtobufValue): JsonValue {
  if (value.structValue != null) return fromProtobufStruct(value.structValue);
  if (value.listValue != null) return (value.listValue.values ?? []).map(fromProtobufValue);
  if (value.stringValue != null) return value.stringValue;
  if (value.numberValue != null) return value.numberValue;
  if (value.boolValue != null) return value.boolValue;
  return null;
}

export function fromProtobufStruct(struct: ProtobufStruct): JsonObject {
  const object: JsonObject = {};
  for (const [key, value] of Object.entries(struct.fields ?? {})) object[key] = fromProtobufValue(value);
  return object;
}
