#!/usr/bin/env node
// The prediction server's entry: flags and Vertex AI's AIP_* environment → createServer → listen, until
// SIGTERM/SIGINT (Vertex AI stops containers with SIGTERM).
import { toCtpipeError } from '@ctpipe/errors';
import { parseCliOptions } from './cli-options.js';
import { createServer } from './create-server.js';

try {
  const cli = parseCliOptions(process.argv.slice(2), process.env);
  if (cli.kind === 'help') {
    process.stdout.write(`${cli.text}\n`);
  } else {
    const serving = createServer(cli.server);
    const address = await serving.listen(cli.port, cli.host);
    process.stdout.write(
      `serving ${cli.server.modelName} on http://${address.address}:${address.port}/v1/models/${cli.server.modelName}\n`,
    );
    const stop = () => {
      void serving.close().then(() => process.exit(0));
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  }
} catch (err) {
  process.stderr.write(`${toCtpipeError(err).oneLine()}\n`);
  process.exit(1);
}
