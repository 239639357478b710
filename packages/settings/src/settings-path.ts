import { isAbsolute, resolve } from 'node:path';

/**
 * A path written in settings.yaml, made absolute against `settingsDir` (the folder of settings.yaml), so the same
 * file means the same data whatever the working directory. URIs (gs://, file://), absolute paths and '' (a
 * parameter left unset) stay as they are.
 */
export function resolveSettingsPath(settingsDir: string, path: string): string {
  return path === '' || path.includes('://') || isAbsolute(path) ? path : resolve(settingsDir, path);
}
