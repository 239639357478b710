import type { BigQuery, Job } from '@google-cloud/bigquery';
import type { RawRow } from './row-values.js';
import type { BqField } from './schema-types.js';

/** One page of jobs.getQueryResults, as the REST API sends it. */
export interface QueryResultsPage {
  jobComplete?: boolean;
  schema?: { fields?: BqField[] };
  rows?: RawRow[];
  pageToken?: string;
}

/**
 * Yields the result pages of a query job, raw. Calls the REST method through the client (its auth, retries
 * and endpoint) but builds the query string itself: Job.getQueryResults would parse every value into JS
 * objects, and forwards its own `skipParsing` flag to the API as an undocumented parameter.
 */
export async function* queryResultPages(
  client: BigQuery,
  job: Job,
  pageSize: number,
): AsyncGenerator<QueryResultsPage> {
  let pageToken: string | undefined;
  for (;;) {
    const qs: Record<string, string | number | boolean> = {
      maxResults: pageSize,
      'formatOptions.useInt64Timestamp': true,
    };
    if (job.location) qs.location = job.location;
    if (pageToken) qs.pageToken = pageToken;
    const page = await new Promise<QueryResultsPage>((resolve, reject) => {
      client.request({ uri: `/queries/${encodeURIComponent(job.id ?? '')}`, qs }, (err, body) =>
        err ? reject(err) : resolve(body as QueryResultsPage),
      );
    });
    // An unfinished job answers with no rows and no token after the server-side wait: ask again.
    if (page.jobComplete === false) continue;
    yield page;
    if (!page.pageToken) return;
    pageToken = page.pageToken;
  }
}
