// A second runner in another process: records `runs` runs of a `tasks`-step chain against the
// shared store, reading (listRuns, cache lookups) between writes like the real runner does.
// Usage: node hammer.mjs <dist/index.js> <db file> <name> <runs> <tasks> <barrier dir>
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, file, name, runs, tasks, barrier] = process.argv.slice(2);
const { openMetadataStore } = await import(pathToFileURL(entry).href);

// Both processes open the (fresh) file at the same moment, so migration races too.
writeFileSync(join(barrier, name), '');
while (readdirSync(barrier).length < 2) await new Promise((resolve) => setTimeout(resolve, 2));

const store = openMetadataStore(file);
for (let r = 0; r < Number(runs); r++) {
  const runId = `${name}-${r}`;
  await store.startRun({
    runId,
    pipelineName: 'ct',
    pipelineSpecDigest: 'd',
    parameters: { r },
    pid: process.pid,
  });
  let previous = [];
  for (let t = 0; t < Number(tasks); t++) {
    const cacheKey = `${name}-task-${t}`;
    await store.findCachedExecution(cacheKey);
    const id = await store.startExecution({
      runId,
      taskName: `task-${t}`,
      componentName: `task-${t}`,
      cacheKey,
      inputParameters: { t },
      inputArtifacts: previous,
      pid: process.pid,
    });
    const done = await store.completeExecution(id, {
      outputParameters: { t },
      outputArtifacts: [
        { key: 'out', uri: `/art/${runId}/${t}`, typeTitle: 'system.Dataset', metadata: { t } },
      ],
    });
    previous = [{ key: 'in', artifactId: done.outputs[0].artifactId }];
  }
  await store.listRuns({ limit: 5 });
  await store.finishRun(runId, { state: 'SUCCEEDED' });
}
await store.close();
