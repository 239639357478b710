export { canonicalJson, computeCacheKey } from './cache-key.js';
export { buildExecutorInput, type TaskLocation } from './executor-input-builder.js';
export { createJsonLinesReporter } from './json-lines-reporter.js';
export { type CommandResolver, createCommandResolver, imageName, type LocalCommand } from './local-images.js';
export { resolveArgs } from './placeholders.js';
export type { LiveTaskState, RunEvent, RunReporter } from './run-events.js';
export { type RunPipelineOptions, type RunResult, runPipeline } from './run-pipeline.js';
export type { ArtifactRef, TaskOutcome, TaskState } from './runtime-artifact.js';
export { createTtyReporter } from './tty-reporter.js';
