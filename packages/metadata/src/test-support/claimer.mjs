// A second trigger worker in another process: claims run requests from the shared store until none is left and
// prints the ids it claimed, one per line.
// Usage: node claimer.mjs <dist/index.js> <db file> <barrier dir> <name>
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, file, barrier, name] = process.argv.slice(2);
const { openMetadataStore } = await import(pathToFileURL(entry).href);
const store = openMetadataStore(file);
writeFileSync(join(barrier, name), '');
while (readdirSync(barrier).length < 2) await new Promise((resolve) => setTimeout(resolve, 2));

const claimed = [];
for (;;) {
  const request = await store.claimNextRunRequest(process.pid);
  if (!request) break;
  claimed.push(request.id);
  await store.markRunRequestStarted(request.id, `${name}-${request.id}`);
}
await store.close();
process.stdout.write(claimed.join('\n'));
