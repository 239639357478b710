import { createServer } from 'node:net';

/** A loopback TCP port standing in for a Google API, counting the connections made to it. */
export interface CountingPort {
  readonly port: number;
  connections(): number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 at a free port; every connection is counted and dropped at once. */
export async function countingPort(): Promise<CountingPort> {
  let connections = 0;
  const server = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
