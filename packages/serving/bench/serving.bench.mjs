// Serving benchmark, on the built packages (dist/). autocannon, 50 connections, 10 s each, on 127.0.0.1:
//  (a) a bare node:http JSON echo server (parses the body, answers it back): the ceiling of node:http here;
//  (b) the prediction server predicting one penguin row per request, with batching on and off.
// Each server runs in its own process and the client in this one. On a 2-core machine the client competes
// with the server for the CPU, so absolute numbers are lower than with a separate load generator; the
// ratio b/a is what the target is about: with batching, b >= 70 % of a's req/s with p99 <= 15 ms.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { PENGUIN, trainPenguinsModel } from './penguins-model.mjs';

const here = fileURLToPath(import.meta.url);
const MAIN = path.join(path.dirname(here), '..', 'dist', 'main.js');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const TARGET_RATIO = 0.7;
const TARGET_P99_MS = 15;

if (process.argv[2] === '--echo') {
  echoServer(Number(process.argv[3]));
} else {
  await main();
}

function echoServer(port) {
  createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.stringify(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  }).listen(port, '127.0.0.1', () => process.stdout.write('listening\n'));
}

async function main() {
  console.log(
    `serving bench: ${os.availableParallelism()} cores, node ${process.version}, ${CONNECTIONS} connections, ${DURATION} s per case`,
  );
  const base = await mkdtemp(path.join(os.tmpdir(), 'ctpipe-serving-bench-'));
  try {
    await trainPenguinsModel(path.join(base, 'penguin'), { version: 1 });
    const body = JSON.stringify({ instances: [PENGUIN] });
    const cases = [
      { name: '(a) node:http JSON echo', args: [here, '--echo', '8610'], port: 8610, path: '/' },
      {
        name: '(b) serving, batching on',
        args: [MAIN, '--base', base, '--model', 'penguin', '--port', '8611', '--poll-seconds', '0'],
        port: 8611,
        path: '/v1/models/penguin:predict',
      },
      {
        name: '(b) serving, batching off',
        args: [
          MAIN,
          '--base',
          base,
          '--model',
          'penguin',
          '--port',
          '8612',
          '--poll-seconds',
          '0',
          '--batching',
          'off',
        ],
        port: 8612,
        path: '/v1/models/penguin:predict',
      },
    ];
    const results = [];
    for (const c of cases) {
      const child = await start(c.args);
      try {
        const url = `http://127.0.0.1:${c.port}${c.path}`;
        await load(url, body, 2); // warm-up: JIT, wasm, connection setup
        const before = { server: cpuTicks(child.pid), client: process.cpuUsage() };
        const r = await load(url, body, DURATION);
        r.cpu = {
          server: cpuSeconds(before.server, cpuTicks(child.pid)),
          client: (process.cpuUsage(before.client).user + process.cpuUsage(before.client).system) / 1e6,
        };
        if (c.path !== '/')
          r.stats = await (await fetch(`http://127.0.0.1:${c.port}/v1/models/penguin/stats`)).json();
        results.push({ ...c, r });
      } finally {
        child.kill('SIGTERM');
      }
    }
    report(results);
  } finally {
    await rm(base, { recursive: true, force: true });
  }
}

function start(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.stdout.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${err}`)));
  });
}

/** utime + stime of another process, in clock ticks (Linux /proc; undefined elsewhere). */
function cpuTicks(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

function cpuSeconds(before, after) {
  return before === undefined || after === undefined ? undefined : (after - before) / 100; // USER_HZ = 100
}

function load(url, body, duration) {
  return autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: CONNECTIONS,
    duration,
  });
}

function report(results) {
  const echo = results[0].r;
  console.log('');
  console.log(
    'case                          req/s  p50 ms  p99 ms  non-2xx  vs (a)  mean batch  server CPU  client CPU  server µs/req',
  );
  for (const { name, r } of results) {
    const ratio = r.requests.average / echo.requests.average;
    const v = r.stats?.versions?.[0];
    const batch = v ? (v.rows / Math.max(1, v.predict_calls)).toFixed(1) : '';
    const pct = (seconds) => (seconds === undefined ? '?' : `${((seconds / DURATION) * 100).toFixed(0)} %`);
    const perRequest =
      r.cpu.server === undefined ? '?' : ((r.cpu.server / r.requests.total) * 1e6).toFixed(1);
    console.log(
      [
        name.padEnd(28),
        r.requests.average.toFixed(0).padStart(6),
        String(r.latency.p50).padStart(6),
        String(r.latency.p99).padStart(6),
        String(r.non2xx + r.errors).padStart(7),
        `${(ratio * 100).toFixed(0)} %`.padStart(6),
        batch.padStart(10),
        pct(r.cpu.server).padStart(10),
        pct(r.cpu.client).padStart(10),
        perRequest.padStart(13),
      ].join('  '),
    );
  }
  const on = results[1].r;
  const ratio = on.requests.average / echo.requests.average;
  const met = ratio >= TARGET_RATIO && on.latency.p99 <= TARGET_P99_MS;
  console.log(
    `\ntarget (batching on): >= ${TARGET_RATIO * 100} % of (a) with p99 <= ${TARGET_P99_MS} ms: ${met ? 'met' : 'NOT met'} (${(ratio * 100).toFixed(0)} %, p99 ${on.latency.p99} ms)`,
  );
}
