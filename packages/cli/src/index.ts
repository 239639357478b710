export { cli } from './cli.js';
