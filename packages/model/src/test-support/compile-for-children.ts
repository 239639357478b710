import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileForChildren as compilePackage } from '@ctpipe/testing-children';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const childScript = (name: string): string => join(packageDir, 'src', 'test-support', name);

/** This package compiled for child processes of its tests (see @ctpipe/testing-children). */
export const compileForChildren = () => compilePackage(packageDir);
