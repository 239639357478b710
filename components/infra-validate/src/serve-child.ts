// The serving runtime infra-validate starts in a process of its own (argv: <model dir>): loads the model as a
// prediction server would and answers TF Serving predict requests over the IPC channel until disconnected.
import { isCtpipeError } from '@ctpipe/errors';
import { loadServingModel, type ServingModel } from '@ctpipe/model';
import { handlePredict } from './predict-request.js';
import type { FromServer, ToServer } from './serving-protocol.js';

const modelDir = process.argv[2];
if (!process.send || !modelDir) {
  process.stderr.write('serve-child: start me with fork(<this file>, [<model dir>]) and an IPC channel\n');
  process.exit(2);
}

const send = (message: FromServer) =>
  new Promise<void>((resolve) => process.send!(message, undefined, undefined, () => resolve()));

let model: ServingModel | undefined;
try {
  model = await loadServingModel(modelDir);
} catch (err) {
  await send({ type: 'load-failed', message: isCtpipeError(err) ? err.oneLine() : String(err) });
  process.exitCode = 1;
  process.disconnect();
}
if (model) {
  const served = model;
  process.on('message', (message: ToServer) => {
    if (message.type !== 'predict') return;
    void send({ type: 'answer', id: message.id, ...handlePredict(served, message.body) });
  });
  process.on('disconnect', () => {
    served.dispose();
    process.exit(0);
  });
  await send({
    type: 'ready',
    version: served.version,
    backend: served.backend,
    signature: served.signature,
  });
}
