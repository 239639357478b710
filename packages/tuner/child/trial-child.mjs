// @ts-check
// One slot of @ctpipe/tuner's process pool. Plain JavaScript on purpose: Node 20 cannot fork a TypeScript
// file, and this runs both from the package sources (tests) and from dist/. Protocol (IPC, JSON):
//   parent → child  { type: 'run', trial, module, exportName, args } | { type: 'exit' }
//   child → parent  { type: 'epoch', trialId, epoch, logs } | { type: 'result', trialId, result }
//                 | { type: 'error', trialId, message }
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';

/** @type {Map<string, Promise<Record<string, unknown>>>} */
const modules = new Map();

/** @param {string} specifier */
function load(specifier) {
  const url = isAbsolute(specifier) ? pathToFileURL(specifier).href : specifier;
  let loaded = modules.get(url);
  if (!loaded) {
    loaded = import(url);
    modules.set(url, loaded);
  }
  return loaded;
}

/** @param {unknown} message */
function send(message) {
  if (process.send) process.send(message);
}

process.on('disconnect', () => process.exit(0));

process.on('message', async (/** @type {any} */ msg) => {
  if (msg.type === 'exit') process.exit(0);
  if (msg.type !== 'run') return;
  const trialId = msg.trial.id;
  try {
    const mod = await load(msg.module);
    const fn = mod[msg.exportName];
    if (typeof fn !== 'function')
      throw new Error(`${msg.module} has no exported function "${msg.exportName}"`);
    const reportEpoch = (/** @type {number} */ epoch, /** @type {Record<string, number>} */ logs) =>
      send({ type: 'epoch', trialId, epoch, logs });
    const result = await fn(msg.trial, { args: msg.args, reportEpoch });
    send({ type: 'result', trialId, result });
  } catch (err) {
    console.error(err);
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    send({ type: 'error', trialId, message });
  }
});
