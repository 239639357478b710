import type { VertexPipelineClients } from './clients.js';
import type { CreatePipelineJobRequest } from './pipeline-job.js';
import type { CreateScheduleRequest } from './schedule.js';
import { fromVertexError } from './vertex-errors.js';

/** Creates the pipeline job; returns its resource name `projects/…/locations/…/pipelineJobs/<id>`. */
export async function submitPipelineJob(
  clients: Pick<VertexPipelineClients, 'pipelines'>,
  request: CreatePipelineJobRequest,
): Promise<string> {
  const parent = request.parent ?? '';
  try {
    const [job] = await clients.pipelines.createPipelineJob(request);
    return job.name || `${parent}/pipelineJobs/${request.pipelineJobId ?? ''}`;
  } catch (err) {
    return fromVertexError(err, 'createPipelineJob', { parent, job: request.pipelineJobId ?? '' });
  }
}

/** Creates the schedule; returns its resource name `projects/…/locations/…/schedules/<id>`. */
export async function createSchedule(
  clients: Pick<VertexPipelineClients, 'schedules'>,
  request: CreateScheduleRequest,
): Promise<string> {
  const parent = request.parent ?? '';
  try {
    const [schedule] = await clients.schedules.createSchedule(request);
    return schedule.name ?? '';
  } catch (err) {
    return fromVertexError(err, 'createSchedule', { parent, schedule: request.schedule?.displayName ?? '' });
  }
}
