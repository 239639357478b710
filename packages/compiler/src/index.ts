export { type CompileOptions, compilePipeline, SCHEMA_VERSION, SDK_VERSION } from './compile-pipeline.js';
export { serializePipelineSpec } from './serialize-pipeline-spec.js';
