import { CtpipeError } from '@ctpipe/errors';

/** What Vertex accepts as a pipelineJobId (the last segment of the job's resource name). */
const JOB_ID = /^[a-z0-9][a-z0-9-]{0,127}$/;

/**
 * `<pipeline-name>-<yyyymmddhhmmss>` as the Vertex AI SDK names a run: the name lower-cased with every run of other
 * characters made one `-`, the time in the submitter's local clock.
 */
export function defaultJobId(pipelineName: string, now: Date): string {
  const name = pipelineName
    .toLowerCase()
    .replace(/[^-0-9a-z]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp =
    `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}` +
    `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return validateJobId(`${name}-${stamp}`);
}

export function validateJobId(id: string): string {
  if (!JOB_ID.test(id)) {
    throw new CtpipeError(
      'BAD_INPUT',
      `'${id}' is not a valid Vertex AI pipeline job id: 1–128 lower-case letters, digits and -, ` +
        'starting with a letter or digit',
      { details: { expected: JOB_ID.source, found: id } },
    );
  }
  return id;
}
