import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { countingPort } from './counting-port.js';

describe('countingPort', () => {
  it('counts each connection made to it', async () => {
    const api = await countingPort();
    try {
      expect(api.connections()).toBe(0);
      for (let i = 0; i < 2; i++) {
        await new Promise<void>((resolve, reject) => {
          const socket = connect(api.port, '127.0.0.1');
          socket.on('close', () => resolve());
          socket.on('error', reject);
        });
      }
      expect(api.connections()).toBe(2);
    } finally {
      await api.close();
    }
  });
});
