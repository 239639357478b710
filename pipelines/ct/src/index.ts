export { CT_LOCAL_PATH_PARAMETERS, ctPipeline } from './ct-pipeline.js';
