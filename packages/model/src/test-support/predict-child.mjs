// Loads an exported model in a fresh process and prints its predictions for the given raw rows as JSON.
// argv: <compiled @ctpipe/model entry> <model dir> <rows.json>
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

const [entry, modelDir, rowsFile] = process.argv.slice(2);
const { loadServingModel } = await import(pathToFileURL(entry).href);
const rows = JSON.parse(await readFile(rowsFile, 'utf8'));
const served = await loadServingModel(modelDir);
process.stdout.write(
  `${JSON.stringify({ backend: served.backend, version: served.version, ...served.predict(rows) })}\n`,
);
