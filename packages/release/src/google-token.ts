import { CtpipeError } from '@ctpipe/errors';

/** Where a bearer token comes from: a fixed string in tests, Application Default Credentials otherwise. */
export type TokenSource = () => Promise<string>;

const SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

/**
 * An access token from Application Default Credentials. The credentials are resolved before any request is
 * built, so a machine without them fails here with UNAVAILABLE and sends nothing.
 */
export function googleAccessToken(service: string): TokenSource {
  return async () => {
    const { GoogleAuth } = await import('google-auth-library');
    const auth = new GoogleAuth({ scopes: [SCOPE] });
    let client: Awaited<ReturnType<typeof auth.getClient>>;
    try {
      client = await auth.getClient();
    } catch (err) {
      throw noGoogleCredentials(service, err);
    }
    let token: string | null | undefined;
    try {
      token = (await client.getAccessToken()).token;
    } catch (err) {
      throw new CtpipeError('UNAVAILABLE', `${service}: could not get an access token (${messageOf(err)})`, {
        cause: err,
      });
    }
    if (!token) throw noGoogleCredentials(service, undefined);
    return token;
  };
}

export function noGoogleCredentials(service: string, cause: unknown): CtpipeError {
  return new CtpipeError(
    'UNAVAILABLE',
    `${service}: no Google credentials found. Run \`gcloud auth application-default login\`, set ` +
      'GOOGLE_APPLICATION_CREDENTIALS to a service-account key file, or run with an attached service account.',
    { cause },
  );
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
