import type { JobOptions } from '@google-cloud/bigquery';

export interface QueryJobParams {
  query: string;
  /** BigQuery location of the data (US, EU, europe-west1…); default: the client's. */
  location?: string;
  /** Labels put on the job, shown in BigQuery's job history and billing export. */
  labels?: Record<string, string>;
}

/**
 * The query job ctpipe submits, as a pure value so a test can pin it: standard SQL (legacy SQL silently
 * changes semantics), a recognisable job id prefix, labels for cost attribution. The client adds the
 * jobReference (project, random job id) when it posts the job.
 */
export function buildQueryJobRequest(params: QueryJobParams): JobOptions {
  const request: JobOptions = {
    configuration: {
      query: { query: params.query, useLegacySql: false },
      labels: { tool: 'ctpipe', ...params.labels },
    },
    jobPrefix: 'ctpipe_',
  };
  if (params.location) request.location = params.location;
  return request;
}
