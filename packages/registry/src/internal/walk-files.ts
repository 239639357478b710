import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file under `dir`, recursively (symbolic links followed), sorted by path. */
export async function walkFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const full = join(dir, name);
    if ((await stat(full)).isDirectory()) out.push(...(await walkFiles(full)));
    else out.push(full);
  }
  return out;
}
