import { describe, expect, it } from 'vitest';
import { smallSpec } from '../test/small-spec.js';
import { buildPipelineJob } from './pipeline-job.js';
import { buildSchedule, scheduleRequestToJson } from './schedule.js';

const where = { project: 'ctpipe-prod', region: 'europe-west4' };
const pipelineJob = () =>
  buildPipelineJob({ source: { spec: smallSpec() }, pipelineRoot: 'gs://root', labels: { env: 'prod' } });

describe('buildSchedule', () => {
  it('builds the CreateScheduleRequest with defaults (one run at a time, no end)', () => {
    const request = buildSchedule({
      ...where,
      displayName: 'penguins-ct nightly',
      cron: '0 3 * * *',
      timeZone: 'Europe/Amsterdam',
      pipelineJob: pipelineJob(),
    });
    expect(request).toEqual({
      parent: 'projects/ctpipe-prod/locations/europe-west4',
      schedule: {
        displayName: 'penguins-ct nightly',
        cron: 'TZ=Europe/Amsterdam 0 3 * * *',
        maxConcurrentRunCount: 1,
        createPipelineJobRequest: {
          parent: 'projects/ctpipe-prod/locations/europe-west4',
          pipelineJob: pipelineJob(),
        },
      },
    });
  });

  it('carries run limits and a window, and prints as REST JSON', () => {
    const request = buildSchedule({
      ...where,
      displayName: 'trial',
      cron: '30 1 * * 1',
      maxConcurrentRunCount: 2,
      maxRunCount: 4,
      startTime: new Date('2026-12-01T00:00:00.250Z'),
      endTime: new Date('2027-01-01T00:00:00Z'),
      pipelineJob: pipelineJob(),
    });
    expect(request.schedule?.startTime).toEqual({ seconds: 1796083200, nanos: 250_000_000 });
    expect(scheduleRequestToJson(request)).toEqual({
      parent: 'projects/ctpipe-prod/locations/europe-west4',
      schedule: {
        displayName: 'trial',
        cron: 'TZ=UTC 30 1 * * 1',
        maxConcurrentRunCount: 2,
        maxRunCount: 4,
        startTime: '2026-12-01T00:00:00.250Z',
        endTime: '2027-01-01T00:00:00.000Z',
        createPipelineJobRequest: {
          parent: 'projects/ctpipe-prod/locations/europe-west4',
          pipelineJob: {
            displayName: 'penguins-ct',
            pipelineSpec: smallSpec(),
            runtimeConfig: { gcsOutputDirectory: 'gs://root' },
            labels: { env: 'prod' },
          },
        },
      },
    });
  });

  it('rejects zero concurrent runs, a window that ends first, and a bad cron', () => {
    const base = { ...where, displayName: 'x', cron: '0 3 * * *', pipelineJob: pipelineJob() };
    expect(() => buildSchedule({ ...base, maxConcurrentRunCount: 0 })).toThrowError(
      'maxConcurrentRunCount must be a whole number ≥ 1, got 0',
    );
    expect(() =>
      buildSchedule({ ...base, startTime: new Date('2027-01-01'), endTime: new Date('2026-01-01') }),
    ).toThrowError('the schedule ends before it starts');
    expect(() => buildSchedule({ ...base, cron: '0 3 * *' })).toThrowError(
      expect.objectContaining({ code: 'BAD_INPUT' }),
    );
  });
});
