import { openEngine } from '@ctpipe/data';
import { computeStatistics } from './dist/statistics/compute-statistics.js';

const engine = await openEngine();
const q = engine.query.bind(engine);
engine.query = async (sql) => {
  const t = performance.now();
  const r = await q(sql);
  if (process.env.DUMP) {
    (await import('node:fs')).writeFileSync(
      '/tmp/sx/dump-' + (globalThis.nq = (globalThis.nq ?? 0) + 1) + '.sql',
      sql,
    );
  }
  console.log(
    ((performance.now() - t) / 1000).toFixed(3),
    process.env.FULL ? sql : sql.replace(/\s+/g, ' ').slice(0, 150),
  );
  return r;
};
for (let i = 0; i < 2; i++) {
  const t = performance.now();
  await computeStatistics(engine, [{ name: 'b', source: "read_parquet('/tmp/sx/events.parquet')" }]);
  console.log('total', ((performance.now() - t) / 1000).toFixed(3));
}
await engine.close();
