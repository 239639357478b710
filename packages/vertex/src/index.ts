export { withCaching } from './caching.js';
export {
  createVertexPipelineClients,
  type PipelineJobsClient,
  type SchedulesClient,
  type VertexClientOptions,
  type VertexPipelineClients,
} from './clients.js';
export { canonicalTimeZone, validateCron, vertexCron } from './cron.js';
export { defaultJobId, validateJobId } from './job-id.js';
export { validateLabels } from './labels.js';
export { typeParameterValues } from './parameter-values.js';
export {
  buildCreatePipelineJobRequest,
  buildPipelineJob,
  type CreatePipelineJobRequest,
  type PipelineJob,
  type PipelineJobOptions,
  type PipelineJobTarget,
  type PipelineSource,
  pipelineJobToJson,
} from './pipeline-job.js';
export {
  fromProtobufStruct,
  fromProtobufValue,
  type ProtobufStruct,
  type ProtobufValue,
  toProtobufStruct,
  toProtobufValue,
} from './protobuf-value.js';
export { apiEndpoint, consoleUrl, locationPath } from './resource-names.js';
export {
  buildSchedule,
  type CreateScheduleRequest,
  type Schedule,
  type ScheduleOptions,
  scheduleRequestToJson,
} from './schedule.js';
export { createSchedule, submitPipelineJob } from './submit.js';
export type { PipelineStateName, TaskStateName } from './task-states.js';
export { parseTemplateUri, type TemplateRef } from './template-uri.js';
export {
  ctpipeCodeForGrpc,
  fromVertexError,
  isNotFound,
  isTransient,
  noVertexCredentials,
} from './vertex-errors.js';
export { type PipelineJobEvent, type WaitOptions, waitForPipelineJob } from './wait.js';
