import { spawn } from 'node:child_process';
import { CtpipeError } from '@ctpipe/errors';

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program to completion and collects its output; a program that cannot start is UNAVAILABLE. */
export function runTool(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (cause) =>
      reject(new CtpipeError('UNAVAILABLE', `cannot run ${command}: ${cause.message}`, { cause })),
    );
    child.on('close', (code) =>
      resolve({
        code: code ?? 1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}
