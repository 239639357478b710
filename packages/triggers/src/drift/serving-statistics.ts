import { fileSource, localPath, openEngine } from '@ctpipe/data';
import { computeStatistics, type DatasetFeatureStatistics } from '@ctpipe/data-validation';
import { CtpipeError } from '@ctpipe/errors';

/** TFDV statistics of logged serving instances, computed exactly as validate computes its `serving_data`. */
export async function servingStatistics(files: readonly string[]): Promise<DatasetFeatureStatistics> {
  const engine = await openEngine();
  try {
    const table = await fileSource(files.map(localPath), { format: 'ndjson' }).open(engine, 'serving_log');
    const [dataset] = (await computeStatistics(engine, [{ name: 'serving', source: table.ref }])).datasets;
    if (!dataset) throw new CtpipeError('INTERNAL', 'statistics of the request log came back empty');
    return dataset;
  } finally {
    await engine.close();
  }
}
