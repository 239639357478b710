import { describe, expect, it } from 'vitest';
import { buildQueryJobRequest } from './query-job-request.js';

describe('buildQueryJobRequest', () => {
  it('asks for a standard-SQL query job with a ctpipe job prefix and labels', () => {
    expect(buildQueryJobRequest({ query: 'SELECT 1', location: 'EU', labels: { pipeline: 'ct' } })).toEqual({
      configuration: {
        query: { query: 'SELECT 1', useLegacySql: false },
        labels: { tool: 'ctpipe', pipeline: 'ct' },
      },
      jobPrefix: 'ctpipe_',
      location: 'EU',
    });
  });

  it('leaves the location to the client when none is given', () => {
    const request = buildQueryJobRequest({ query: 'SELECT 2' });
    expect(request).not.toHaveProperty('location');
    expect(request.configuration?.query?.query).toBe('SELECT 2');
  });
});
