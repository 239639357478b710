/**
 * Whether a process with this pid exists on this machine; the default `isAlive` for
 * abandonStaleExecutions. Signal 0 checks existence without signalling; EPERM means it exists
 * but belongs to another user.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return typeof err === 'object' && err !== null && 'code' in err && err.code === 'EPERM';
  }
}
