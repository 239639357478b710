// A runner killed mid-task: one task completes, the next is started, then the process dies
// without a chance to record anything. Usage: node crash.mjs <dist/index.js> <db file>
import { pathToFileURL } from 'node:url';

const [entry, file] = process.argv.slice(2);
const { openMetadataStore } = await import(pathToFileURL(entry).href);
const store = openMetadataStore(file);
const runId = 'crashed';
const pid = process.pid;
await store.startRun({ runId, pipelineName: 'ct', pipelineSpecDigest: 'd', parameters: {}, pid });
const extract = await store.startExecution({
  runId,
  taskName: 'extract',
  componentName: 'extract',
  cacheKey: 'key-extract',
  inputParameters: {},
  inputArtifacts: [],
  pid,
});
await store.completeExecution(extract, {
  outputParameters: {},
  outputArtifacts: [
    { key: 'examples', uri: '/art/crashed/examples', typeTitle: 'system.Dataset', metadata: {} },
  ],
});
await store.startExecution({
  runId,
  taskName: 'train',
  componentName: 'train',
  cacheKey: 'key-train',
  inputParameters: {},
  inputArtifacts: [],
  pid,
});
process.kill(pid, 'SIGKILL');
