export { compileForChildren } from './compile-for-children.js';
