// A second writer for the concurrency test: waits at a barrier, then publishes `count` versions.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const [entry, base, name, count, barrier, scratch] = process.argv.slice(2);
const { openRegistry } = await import(entry);
const registry = openRegistry(base);
const sources = [];
for (let i = 0; i < Number(count); i++) {
  const dir = join(scratch, `${name}-${i}`);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'model.json'), JSON.stringify({ writer: name, i }));
  await writeFile(join(dir, 'weights.bin'), Buffer.alloc(4096, i));
  sources.push(dir);
}
await writeFile(join(barrier, `ready-${name}`), '');
while (!existsSync(join(barrier, 'go'))) await new Promise((r) => setTimeout(r, 5));
for (const [i, dir] of sources.entries()) {
  await registry.publishVersion({
    model: 'penguins',
    sourceDir: dir,
    source: `/runs/${name}/${i}/model`,
    rollout: { kind: 'canary', canaryPercent: 10 },
  });
}
