import { CtpipeError } from '@ctpipe/errors';

export interface TemplateRef {
  uri: string;
  region: string;
  project: string;
  repository: string;
  /** The package, i.e. the pipeline's name as uploaded. */
  package: string;
  /** A tag (`latest`, `v3`) or a version `sha256:<64 hex>`. */
  version: string;
}

// https://REGION-kfp.pkg.dev/PROJECT/REPOSITORY/PACKAGE/TAG-or-sha256:DIGEST, the form Vertex accepts as templateUri.
const TEMPLATE_URI =
  /^https:\/\/([a-z0-9-]+)-kfp\.pkg\.dev\/([a-z0-9][a-z0-9:.-]*)\/([a-z0-9][a-z0-9-]*)\/([a-z0-9][a-z0-9_.-]*)\/(sha256:[0-9a-f]{64}|[A-Za-z0-9][A-Za-z0-9_.-]{0,127})$/;

export function parseTemplateUri(uri: string): TemplateRef {
  const m = TEMPLATE_URI.exec(uri);
  if (!m) {
    throw new CtpipeError(
      'BAD_INPUT',
      `'${uri}' is not an Artifact Registry pipeline template: expected ` +
        'https://<region>-kfp.pkg.dev/<project>/<repository>/<package>/<tag or sha256:…>',
      {
        details: {
          expected: 'https://<region>-kfp.pkg.dev/<project>/<repository>/<package>/<tag or sha256:…>',
          found: uri,
        },
      },
    );
  }
  const [, region = '', project = '', repository = '', pkg = '', version = ''] = m;
  return { uri, region, project, repository, package: pkg, version };
}
