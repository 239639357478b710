/** `projects/<project>/locations/<region>`, the parent of pipeline jobs and schedules. */
export function locationPath(project: string, region: string): string {
  return `projects/${project}/locations/${region}`;
}

/** Vertex AI is regional: each region has its own endpoint. */
export function apiEndpoint(region: string): string {
  return `${region}-aiplatform.googleapis.com`;
}

/** The job's page in the Cloud console. */
export function consoleUrl(jobName: string): string {
  const m = /^projects\/([^/]+)\/locations\/([^/]+)\/pipelineJobs\/([^/]+)$/.exec(jobName);
  if (!m) return '';
  return `https://console.cloud.google.com/vertex-ai/locations/${m[2]}/pipelines/runs/${m[3]}?project=${m[1]}`;
}
