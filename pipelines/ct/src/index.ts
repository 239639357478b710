export { ctPipeline } from './ct-pipeline.js';
