import { CtpipeError } from '@ctpipe/errors';

/** ML Metadata's Artifact.State names (minus UNKNOWN), as a `state=` clause names them. */
export const ARTIFACT_FILTER_STATES = [
  'PENDING',
  'LIVE',
  'MARKED_FOR_DELETION',
  'DELETED',
  'ABANDONED',
  'REFERENCE',
] as const;
export type ArtifactFilterState = (typeof ARTIFACT_FILTER_STATES)[number];

export type ArtifactFilterClause =
  | { kind: 'in_context'; context: string }
  | { kind: 'artifact_type'; value: string }
  | { kind: 'uri'; value: string }
  | { kind: 'state'; value: ArtifactFilterState }
  | { kind: 'name'; value: string }
  /** Vertex ML Metadata's `metadata.<key>.number_value=1` / `.string_value="x"` / `.bool_value=true`. */
  | { kind: 'metadata'; key: string; value: number | string | boolean };

/** A resolver query's filter: every clause must hold (they are joined by AND). */
export interface ArtifactFilter {
  clauses: ArtifactFilterClause[];
}

type StringField = 'artifact_type' | 'uri' | 'name';

/**
 * Field names a clause may use. The proto comment names `artifact_type` and `name`; TFX writes `schema_title`
 * for Vertex ML Metadata, whose `display_name` is what the proto calls the artifact's name (its `name` there is
 * the resource name), so both spellings parse to the same clause.
 */
const STRING_FIELDS: Record<string, StringField> = {
  artifact_type: 'artifact_type',
  schema_title: 'artifact_type',
  uri: 'uri',
  name: 'name',
  display_name: 'name',
};

const STATES: ReadonlySet<string> = new Set(ARTIFACT_FILTER_STATES);

/**
 * Parses `ResolverSpec.ArtifactQuerySpec.filter` (api/v2alpha1/pipeline_spec.proto): clauses
 * `in_context("<context>")`, `artifact_type="<type>"`, `uri="<uri>"`, `state=<state>`, `name="<name>"` joined
 * by `AND`. An empty filter has no clause. Anything else throws CtpipeError('BAD_CONFIG') with the position.
 */
export function parseArtifactFilter(filter: string): ArtifactFilter {
  return new FilterParser(filter).parse();
}

class FilterParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parse(): ArtifactFilter {
    const clauses: ArtifactFilterClause[] = [];
    this.skipSpace();
    if (this.pos === this.text.length) return { clauses };
    clauses.push(this.clause());
    for (this.skipSpace(); this.pos < this.text.length; this.skipSpace()) {
      const start = this.pos;
      const word = this.word();
      if (word !== 'AND') {
        this.pos = start;
        throw this.error("'AND' between clauses", word || this.rest());
      }
      this.skipSpace();
      clauses.push(this.clause());
    }
    return { clauses };
  }

  private clause(): ArtifactFilterClause {
    const start = this.pos;
    const field = this.word();
    this.skipSpace();
    if (field === 'in_context') {
      this.expect('(');
      const context = this.string();
      this.expect(')');
      return { kind: 'in_context', context };
    }
    if (field === 'metadata') return this.metadataClause();
    const kind = STRING_FIELDS[field];
    if (field !== 'state' && kind === undefined) {
      this.pos = start;
      throw this.error(
        'in_context("…"), artifact_type=, schema_title=, uri=, state=, name=, display_name= or metadata.<key>.<type>_value=',
        field || this.rest(),
      );
    }
    this.expect('=');
    this.skipSpace();
    if (kind) return { kind, value: this.string() };
    return { kind: 'state', value: this.state() };
  }

  /** `metadata.blessed.number_value=1`: the key, then the value in the type the suffix names. */
  private metadataClause(): ArtifactFilterClause {
    this.expect('.');
    const key = this.peek() === '"' ? this.string() : this.word();
    if (key === '') throw this.error('a metadata key', this.rest());
    this.expect('.');
    const start = this.pos;
    const type = this.word();
    this.expect('=');
    if (type === 'string_value') return { kind: 'metadata', key, value: this.string() };
    const raw = /^(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false)/.exec(this.text.slice(this.pos))?.[0];
    if (type === 'number_value' && raw !== undefined && raw !== 'true' && raw !== 'false') {
      this.pos += raw.length;
      return { kind: 'metadata', key, value: Number(raw) };
    }
    if (type === 'bool_value' && (raw === 'true' || raw === 'false')) {
      this.pos += raw.length;
      return { kind: 'metadata', key, value: raw === 'true' };
    }
    this.pos = start;
    throw this.error(
      'number_value=<number>, string_value="<text>" or bool_value=true|false',
      type || this.rest(),
    );
  }

  /** `state=LIVE`; a quoted name is taken too, since AIP-160 filters allow either for enums. */
  private state(): ArtifactFilterState {
    const start = this.pos;
    const name = this.peek() === '"' ? this.string() : this.word();
    if (!STATES.has(name)) {
      this.pos = start;
      throw this.error(`a state (${ARTIFACT_FILTER_STATES.join(', ')})`, name || this.rest());
    }
    return name as ArtifactFilterState;
  }

  /** A double-quoted string; `\"` and `\\` escape. */
  private string(): string {
    if (this.peek() !== '"') throw this.error('a double-quoted string', this.rest());
    const start = this.pos;
    let value = '';
    for (this.pos++; this.pos < this.text.length; this.pos++) {
      const ch = this.text.charAt(this.pos);
      if (ch === '"') {
        this.pos++;
        return value;
      }
      if (ch === '\\') {
        this.pos++;
        if (this.pos === this.text.length) break;
      }
      value += this.text.charAt(this.pos);
    }
    this.pos = start;
    throw this.error('a closing "', 'the end of the filter');
  }

  private word(): string {
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos));
    this.pos += match?.[0].length ?? 0;
    return match?.[0] ?? '';
  }

  private expect(ch: string): void {
    this.skipSpace();
    if (this.peek() !== ch) throw this.error(`'${ch}'`, this.rest());
    this.pos++;
    this.skipSpace();
  }

  private peek(): string {
    return this.text.charAt(this.pos);
  }

  private skipSpace(): void {
    while (/\s/.test(this.peek()) && this.pos < this.text.length) this.pos++;
  }

  private rest(): string {
    return this.pos < this.text.length ? JSON.stringify(this.text.slice(this.pos, this.pos + 20)) : 'the end';
  }

  private error(expected: string, found: string): CtpipeError {
    const position = this.pos + 1;
    return new CtpipeError(
      'BAD_CONFIG',
      `Artifact filter ${JSON.stringify(this.text)}: expected ${expected} at column ${position}, found ${found}`,
      { details: { filter: this.text, position, expected, found } },
    );
  }
}
