import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * Registers hooks that leave the enclosing describe block with no Application Default Credentials:
 * no key file variable, an empty gcloud config directory, and no metadata-server probe (which would leave
 * loopback). The environment as it was before the block is restored afterwards.
 */
export function withoutGoogleCredentials(): void {
  let saved: NodeJS.ProcessEnv = {};
  let gcloudConfig = '';
  beforeAll(() => {
    saved = { ...process.env };
    gcloudConfig = mkdtempSync(join(tmpdir(), 'no-gcloud-'));
    delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
    process.env.CLOUDSDK_CONFIG = gcloudConfig;
    process.env.METADATA_SERVER_DETECTION = 'none';
  });
  afterAll(() => {
    // Restored in place: replacing process.env with a plain object would drop its string coercion.
    for (const key of Object.keys(process.env)) {
      if (!(key in saved)) delete process.env[key];
    }
    Object.assign(process.env, saved);
    rmSync(gcloudConfig, { recursive: true, force: true });
  });
}
