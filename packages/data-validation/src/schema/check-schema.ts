import { CtpipeError } from '@ctpipe/errors';
import type { Schema } from '../types/schema.js';

const DOMAIN_FIELDS = ['domain', 'stringDomain', 'intDomain', 'floatDomain', 'boolDomain'] as const;

/**
 * What the proto types cannot say: unique feature names, one domain per feature (a proto oneof) and
 * `domain` references that resolve to a top-level stringDomain. A schema failing these is a config error.
 */
export function checkSchema(schema: Schema, file?: string): void {
  const fail = (message: string, path: string): never => {
    throw new CtpipeError('BAD_CONFIG', `invalid schema: ${message}`, { details: { file, path } });
  };
  const domainNames = new Set((schema.stringDomain ?? []).map((d) => d.name));
  const seen = new Set<string>();
  schema.feature.forEach((feature, i) => {
    const path = `feature[${i}]`;
    if (seen.has(feature.name)) fail(`feature "${feature.name}" is declared twice`, path);
    seen.add(feature.name);
    const domains = DOMAIN_FIELDS.filter((key) => feature[key] !== undefined);
    if (domains.length > 1)
      fail(`feature "${feature.name}" sets ${domains.join(' and ')}; only one domain is allowed`, path);
    if (feature.domain !== undefined && !domainNames.has(feature.domain)) {
      fail(
        `feature "${feature.name}" refers to string domain "${feature.domain}", which the schema does not define`,
        `${path}.domain`,
      );
    }
  });
}
