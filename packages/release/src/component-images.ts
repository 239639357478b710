import { readFile, writeFile } from 'node:fs/promises';
import { CtpipeError } from '@ctpipe/errors';
import { parseDocument } from 'yaml';
import { listComponents } from './components.js';
import { componentImage } from './image-ref.js';

/** One image reference that was (or would be) rewritten. */
export interface ImageChange {
  /** The component (= image name). */
  component: string;
  /** The file that holds it: a component.yaml or a pipeline.json. */
  file: string;
  from: string;
  to: string;
}

const IMAGE_PATH = ['implementation', 'container', 'image'] as const;

/**
 * Points every components/<verb>/component.yaml at `<registry>/<verb>:<tag>`. Edits the YAML document in place
 * (comments, key order and quoting survive), writes only files that change, returns every image it set.
 */
export async function setComponentImages(options: {
  repoRoot: string;
  registry: string;
  tag: string;
}): Promise<ImageChange[]> {
  const changes: ImageChange[] = [];
  for (const component of listComponents(options.repoRoot)) {
    const file = component.componentYaml;
    const text = await readFile(file, 'utf8');
    const doc = parseDocument(text);
    if (doc.errors.length > 0) {
      const first = doc.errors[0]!;
      throw new CtpipeError('BAD_CONFIG', `${file} is not valid YAML: ${first.message}`, {
        details: { file, line: first.linePos?.[0]?.line },
      });
    }
    const from = doc.getIn(IMAGE_PATH);
    if (typeof from !== 'string') {
      throw new CtpipeError('BAD_CONFIG', `${file} has no implementation.container.image`, {
        details: { file, expected: 'implementation.container.image: <image>' },
      });
    }
    const to = componentImage(options.registry, component.name, options.tag);
    changes.push({ component: component.name, file, from, to });
    if (from === to) continue;
    doc.setIn(IMAGE_PATH, to);
    // lineWidth 0: never re-fold long descriptions, so the diff is the image line alone.
    await writeFile(file, doc.toString({ lineWidth: 0 }));
  }
  return changes;
}
