// Caps on open connections, in all and from one address, so clients that open connections and never finish with
// them (slowloris) cannot take every file handle and lock out other readers. A connection over a cap is answered
// 503 with Retry-After and closed; its request is never read. Behind a proxy every connection comes from the proxy's
// address, so the per-address cap must then be at least the total.
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { writeRawError } from './client-errors.ts';

export interface ConnectionCaps {
  total: number;
  perAddress: number;
}

type ConnectionListener = (socket: Socket) => void;

/** Lets `server` (an HTTP server, before it listens) hand only connections within the caps to its HTTP parser. */
export function capConnections(server: Server, caps: ConnectionCaps, headers: Readonly<Record<string, string>>) {
  const byAddress = new Map<string, number>();
  let total = 0;
  // Node's own maxConnections would drop a connection without a word: the HTTP server's listeners are called only
  // for connections let in, so a refused one is answered here and never parsed.
  const httpListeners = server.listeners('connection') as ConnectionListener[];
  server.removeAllListeners('connection');
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const fromAddress = byAddress.get(address) ?? 0;
    const over =
      fromAddress >= caps.perAddress
        ? `from one address (${caps.perAddress})`
        : total >= caps.total
          ? `in all (${caps.total})`
          : null;
    if (over) {
      socket.on('error', () => socket.destroy());
      writeRawError(
        socket,
        503,
        { code: 'too_many_connections', message: `Too many open connections ${over}; try again in a moment.` },
        { ...headers, 'Retry-After': '5' },
      );
      return;
    }
    total++;
    byAddress.set(address, fromAddress + 1);
    socket.once('close', () => {
      total--;
      const left = (byAddress.get(address) ?? 1) - 1;
      if (left > 0) byAddress.set(address, left);
      else byAddress.delete(address);
    });
    for (const listener of httpListeners) listener.call(server, socket);
  });
}
