import { spawn } from 'node:child_process';
import { CtpipeError } from '@ctpipe/errors';

/** Runs one docker command with its output on this terminal; a failure stops the build. */
export function runDocker(argv: readonly string[], cwd: string): Promise<void> {
  const [command, ...args] = argv;
  return new Promise((resolve, reject) => {
    const child = spawn(command ?? 'docker', args, { cwd, stdio: 'inherit' });
    child.on('error', (cause) =>
      reject(
        new CtpipeError(
          'UNAVAILABLE',
          `cannot run docker (${cause.message}); use --script to build elsewhere`,
          {
            cause,
          },
        ),
      ),
    );
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(
            new CtpipeError('UNAVAILABLE', `${argv.join(' ')} exited with ${code}`, {
              details: { exitCode: code },
            }),
          ),
    );
  });
}
