// Extract throughput: BENCH_ROWS rows (default 3,000,000) of a timestamp, two ints and two strings of ~250
// distinct values, as CSV and as Parquet, each extracted into split Parquet by the built core (dist/).
// Each case runs in its own child process so its peak RSS is the work's alone.
// Targets: >= 1.5M rows/s from Parquet, >= 750k rows/s from CSV, peak RSS < 1 GiB.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openEngine, quoteLiteral } from '@ctpipe/data';
import { extract } from '../dist/index.js';

const TARGETS = { parquet: 1_500_000, csv: 750_000 };
const RSS_LIMIT_MIB = 1024;

if (process.argv[2] === '--case') {
  await runCase(process.argv[3], process.argv[4]);
} else {
  await main();
}

async function main() {
  const rows = Number(process.env.BENCH_ROWS ?? 3_000_000);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ctpipe-extract-bench-'));
  try {
    const files = await generate(dir, rows);
    console.log(
      `extract bench: ${rows.toLocaleString('en')} rows, ${os.availableParallelism()} cores, node ${process.version}`,
    );
    let ok = true;
    for (const [format, file] of Object.entries(files)) {
      const size = (await stat(file)).size / 2 ** 20;
      const out = execFileSync(
        process.execPath,
        [fileURLToPath(import.meta.url), '--case', file, path.join(dir, `out-${format}`)],
        {
          encoding: 'utf8',
        },
      );
      const result = JSON.parse(out.trim().split('\n').at(-1));
      const rate = result.rows / result.seconds;
      const pass = rate >= TARGETS[format] && result.maxRssMiB < RSS_LIMIT_MIB;
      ok &&= pass;
      console.log(
        `${format.padEnd(8)} ${size.toFixed(0).padStart(5)} MiB in  ${result.seconds.toFixed(2)} s  ` +
          `${(rate / 1e6).toFixed(2)} M rows/s (target ${(TARGETS[format] / 1e6).toFixed(2)})  ` +
          `peak RSS ${result.maxRssMiB.toFixed(0)} MiB (limit ${RSS_LIMIT_MIB})  ` +
          `train/eval ${result.counts.train}/${result.counts.eval}  ${pass ? 'ok' : 'BELOW TARGET'}`,
      );
    }
    console.log(ok ? 'all targets met' : 'some targets missed');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function generate(dir, rows) {
  const files = { parquet: path.join(dir, 'events.parquet'), csv: path.join(dir, 'events.csv') };
  const engine = await openEngine();
  try {
    const select = `SELECT TIMESTAMP '2024-01-01' + to_seconds(i) AS event_time,
        (i * 7919) % 100000 AS user_id, (i * 31) % 1000 - 500 AS amount,
        'city_' || ((i * 13) % 250) AS city, 'product-' || ((i * 17) % 257) AS product
      FROM range(${rows}) t(i)`;
    await engine.run(`COPY (${select}) TO ${quoteLiteral(files.parquet)} (FORMAT parquet, COMPRESSION zstd)`);
    await engine.run(`COPY (${select}) TO ${quoteLiteral(files.csv)} (HEADER)`);
  } finally {
    await engine.close();
  }
  return files;
}

async function runCase(file, outDir) {
  const silent = { info() {}, warn() {}, progress() {} };
  const ctx = { log: silent, now: () => new Date(), random: Math.random };
  const inputs = {
    parameters: {
      input_pattern: file,
      source_format: 'auto',
      bigquery_query: '',
      bigquery_project: '',
      bigquery_location: '',
      span: -1,
      split_key: '',
      split_ratios: { train: 2, eval: 1 },
    },
    artifacts: {},
    outputs: {
      examples: {
        uri: outDir,
        path: outDir,
        type: { schemaTitle: 'system.Dataset', schemaVersion: '0.0.1' },
      },
    },
  };
  const start = performance.now();
  const result = await extract(inputs, ctx);
  const seconds = (performance.now() - start) / 1000;
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  console.log(
    JSON.stringify({
      rows: result.parameters.row_count,
      seconds,
      maxRssMiB,
      counts: result.metadata.examples.row_counts,
    }),
  );
}
