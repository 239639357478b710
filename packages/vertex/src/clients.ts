import type { CreatePipelineJobRequest, PipelineJob } from './pipeline-job.js';
import { apiEndpoint } from './resource-names.js';
import type { CreateScheduleRequest, Schedule } from './schedule.js';
import { noVertexCredentials } from './vertex-errors.js';

/** The PipelineService calls ctpipe makes; the gapic PipelineServiceClient satisfies it, and so does a test fake. */
export interface PipelineJobsClient {
  createPipelineJob(request: CreatePipelineJobRequest): Promise<[PipelineJob, ...unknown[]]>;
  getPipelineJob(request: { name: string }): Promise<[PipelineJob, ...unknown[]]>;
}

export interface SchedulesClient {
  createSchedule(request: CreateScheduleRequest): Promise<[Schedule, ...unknown[]]>;
}

export interface VertexPipelineClients {
  pipelines: PipelineJobsClient;
  schedules: SchedulesClient;
  close(): Promise<void>;
}

export interface VertexClientOptions {
  /** Default `<region>-aiplatform.googleapis.com`. */
  apiEndpoint?: string;
  port?: number;
}

/**
 * The real clients, for one project and region. `@google-cloud/aiplatform` is imported only here, so commands that
 * never reach Vertex do not load its protos. Credentials are checked before anything is sent: without them the gapic
 * stubs would fail each call with google-auth's message, after connecting.
 */
export async function createVertexPipelineClients(
  where: { project: string; region: string },
  options: VertexClientOptions = {},
): Promise<VertexPipelineClients> {
  const { PipelineServiceClient, ScheduleServiceClient } = await import('@google-cloud/aiplatform');
  const opts = {
    apiEndpoint: options.apiEndpoint ?? apiEndpoint(where.region),
    ...(options.port === undefined ? {} : { port: options.port }),
  };
  const pipelines = new PipelineServiceClient(opts);
  const schedules = new ScheduleServiceClient(opts);
  const close = async () => {
    await Promise.all([pipelines.close(), schedules.close()]);
  };
  try {
    await pipelines.auth.getClient();
  } catch (err) {
    await close();
    throw noVertexCredentials(err, { project: where.project, region: where.region });
  }
  return { pipelines, schedules, close };
}
