import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openEngine, quoteLiteral } from '@ctpipe/data';
import type { MetadataStore } from '@ctpipe/metadata';

/**
 * A raw instance for the printed curl line: the first eval row of the newest Examples in the metadata store,
 * keeping only the model's raw input features (its TransformGraph's signature), numbers as JSON numbers.
 */
export async function sampleInstance(
  store: MetadataStore,
  versionDir: string,
): Promise<Record<string, unknown> | undefined> {
  const graph = JSON.parse(await readFile(join(versionDir, 'transform_graph.json'), 'utf8')) as {
    rawFeatures?: { name: string; type: string }[];
  };
  const [examples] = await store.findArtifacts({
    outputKey: 'examples',
    typeTitle: 'system.Dataset',
    state: 'LIVE',
  });
  if (!examples || !graph.rawFeatures) return undefined;
  const engine = await openEngine({ threads: 1 });
  try {
    const glob = join(examples.uri.replace(/^file:\/\//, ''), 'Split-eval', '*.parquet');
    const [row] = await engine.query(`SELECT * FROM read_parquet(${quoteLiteral(glob)}) LIMIT 1`);
    if (!row) return undefined;
    return Object.fromEntries(
      graph.rawFeatures.map(({ name, type }) => {
        const value = row[name] ?? null;
        return [name, type === 'number' && value !== null ? Number(value) : value];
      }),
    );
  } catch {
    // The curl line is a convenience: examples that moved or cannot be read only cost the example.
    return undefined;
  } finally {
    await engine.close();
  }
}

export function curlLine(url: string, instance: Record<string, unknown>): string {
  const body = JSON.stringify({ instances: [instance] }).replaceAll("'", "'\\''");
  return `curl -s -X POST ${url}:predict -H 'Content-Type: application/json' -d '${body}'`;
}
