export { type CountingPort, countingPort } from './counting-port.js';
export { withoutGoogleCredentials } from './without-google-credentials.js';
