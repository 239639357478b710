import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import { publishPipeline } from '@ctpipe/release';
import { type CommandSpec, type FlagSpec, parseCommand } from '../options.js';

export const publishSpec = {
  name: 'publish',
  summary:
    'upload a compiled pipeline.json to an Artifact Registry KFP repository as a tagged template version',
  flags: {
    host: { type: 'string', description: 'the KFP repository: https://REGION-kfp.pkg.dev/PROJECT/REPO' },
    file: { type: 'string', description: 'the compiled pipeline', default: 'pipeline.json' },
    tag: { type: 'string', multiple: true, description: 'a tag for this version (repeat for more)' },
    'uri-file': {
      type: 'string',
      description: 'also write the version’s template URI to this file (for a later submit step)',
    },
    json: { type: 'boolean', description: 'JSON output', default: false },
  },
} satisfies CommandSpec<Record<string, FlagSpec>>;

export async function publishCommand(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const { flags } = parseCommand(publishSpec, argv);
  if (!flags.host) {
    throw new CtpipeError('BAD_INPUT', 'publish needs --host', {
      details: { expected: 'https://REGION-kfp.pkg.dev/PROJECT/REPO' },
    });
  }
  const published = await publishPipeline({
    host: flags.host,
    file: resolve(flags.file),
    tags: flags.tag ?? [],
  });
  if (flags['uri-file']) {
    const file = resolve(flags['uri-file']);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, `${published.templateUri}\n`);
  }
  const asJson = flags.json || !(out as { isTTY?: boolean }).isTTY;
  out.write(
    asJson
      ? `${JSON.stringify({ event: 'published', ...published })}\n`
      : `published ${published.packageName} ${published.version} (tags: ${published.tags.join(', ') || 'none'})\n  ${published.templateUri}\n`,
  );
  return 0;
}
