import type { MetadataStore } from '@ctpipe/metadata';

/** Examples artifacts looked at: enough to find the highest span even when a rerun of an old span came last. */
const LOOKBACK = 50;

/**
 * The highest span extract has already read for this pipeline (its Examples artifact records `span`), so a
 * trigger started for the first time, or with a fresh state, does not retrain old spans. -1 when there is none.
 */
export async function latestRecordedSpan(store: MetadataStore, pipelineName: string): Promise<number> {
  const examples = await store.findArtifacts({
    typeTitle: 'system.Dataset',
    outputKey: 'examples',
    contextName: pipelineName,
    limit: LOOKBACK,
  });
  const spans = examples.map((a) => a.metadata.span).filter((s): s is number => typeof s === 'number');
  return spans.length === 0 ? -1 : Math.max(...spans);
}
