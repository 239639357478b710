// Statistics throughput: BENCH_ROWS rows (default 3,000,000) of a timestamp, two ints and two strings of
// ~250 distinct values in one Parquet file. Times computeStatistics (the built dist/) against DuckDB's own
// SUMMARIZE on the same file; every measurement runs in a fresh child process, alternating the two, so the
// peak RSS is the work's alone and neither side inherits the other's caches. BENCH_RUNS rounds (default 3);
// the medians are compared. Targets: ours / SUMMARIZE <= 1.0, peak RSS < 1 GiB.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openEngine, quoteLiteral } from '@ctpipe/data';
import { computeStatistics } from '../dist/statistics/compute-statistics.js';

const RATIO_TARGET = 1.0;
const RSS_LIMIT_MIB = 1024;

if (process.argv[2] === '--case') {
  await runCase(process.argv[3], process.argv[4]);
} else {
  await main();
}

async function main() {
  const rows = Number(process.env.BENCH_ROWS ?? 3_000_000);
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ctpipe-statistics-bench-'));
  try {
    const file = await generate(dir, rows);
    const size = (await stat(file)).size / 2 ** 20;
    console.log(
      `statistics bench: ${rows.toLocaleString('en')} rows, ${size.toFixed(0)} MiB Parquet, ` +
        `${os.availableParallelism()} cores, node ${process.version}, ${runs} rounds`,
    );
    const results = { ours: [], summarize: [] };
    for (let round = 0; round < runs; round++) {
      // Alternate who goes first so neither always runs on a warmer machine.
      const order = round % 2 === 0 ? ['ours', 'summarize'] : ['summarize', 'ours'];
      for (const which of order) results[which].push(child(which, file));
    }
    const ours = median(results.ours.map((r) => r.seconds));
    const summarize = median(results.summarize.map((r) => r.seconds));
    const rss = Math.max(...results.ours.map((r) => r.maxRssMiB));
    const ratio = ours / summarize;
    console.log(`computeStatistics  ${fmt(results.ours)}  median ${ours.toFixed(3)} s`);
    console.log(`SUMMARIZE          ${fmt(results.summarize)}  median ${summarize.toFixed(3)} s`);
    console.log(
      `ratio ours/SUMMARIZE ${ratio.toFixed(2)} (target <= ${RATIO_TARGET.toFixed(1)}), ` +
        `peak RSS ours ${rss.toFixed(0)} MiB (limit ${RSS_LIMIT_MIB}), ` +
        `${results.ours[0].features} features`,
    );
    console.log(ratio <= RATIO_TARGET && rss < RSS_LIMIT_MIB ? 'all targets met' : 'some targets missed');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function child(which, file) {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--case', which, file], {
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1));
}

async function generate(dir, rows) {
  const file = path.join(dir, 'events.parquet');
  const engine = await openEngine();
  try {
    const select = `SELECT TIMESTAMP '2024-01-01' + to_seconds(i) AS event_time,
        (i * 7919) % 100000 AS user_id, (i * 31) % 1000 - 500 AS amount,
        'city_' || ((i * 13) % 250) AS city, 'product-' || ((i * 17) % 257) AS product
      FROM range(${rows}) t(i)`;
    await engine.run(`COPY (${select}) TO ${quoteLiteral(file)} (FORMAT parquet, COMPRESSION zstd)`);
  } finally {
    await engine.close();
  }
  return file;
}

async function runCase(which, file) {
  const engine = await openEngine();
  const source = `read_parquet(${quoteLiteral(file)})`;
  try {
    const start = performance.now();
    let features;
    if (which === 'ours') {
      const stats = await computeStatistics(engine, [{ name: 'bench', source }]);
      features = stats.datasets[0].features.length;
    } else {
      features = (await engine.query(`SUMMARIZE SELECT * FROM ${source}`)).length;
    }
    const seconds = (performance.now() - start) / 1000;
    const maxRssMiB = process.resourceUsage().maxRSS / 1024;
    console.log(JSON.stringify({ seconds, maxRssMiB, features }));
  } finally {
    await engine.close();
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function fmt(results) {
  return results.map((r) => `${r.seconds.toFixed(3)} s`).join(', ');
}
