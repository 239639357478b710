import { CtpipeError } from '@ctpipe/errors';

const KFP_HOST = /^https:\/\/[a-z0-9-]+-kfp\.pkg\.dev\/[a-z][a-z0-9-]*[a-z0-9]\/[a-z][a-z0-9-]*$/;
const LOOPBACK = /^http:\/\/(?:127\.0\.0\.1|localhost|\[::1\]):\d+(?:\/[^\s]*)?$/;

/** `https://REGION-kfp.pkg.dev/PROJECT/REPO`, without a trailing slash; loopback http:// passes (tests). */
export function validateKfpHost(host: string): string {
  const trimmed = host.replace(/\/+$/, '');
  if (KFP_HOST.test(trimmed) || LOOPBACK.test(trimmed)) return trimmed;
  throw new CtpipeError('BAD_INPUT', `'${host}' is not an Artifact Registry KFP repository URL`, {
    details: { found: host, expected: 'https://REGION-kfp.pkg.dev/PROJECT/REPO' },
  });
}
