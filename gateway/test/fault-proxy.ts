import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of a subgraph, for fault tests: `stop()` makes the subgraph look like a
 * stopped process (connections refused, open ones cut), `start()` brings it back on the same
 * port, `slow(ms)` holds every new connection that long before it reaches the subgraph.
 */
export interface FaultProxy {
  readonly url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  slow(ms: number): void;
  close(): Promise<void>;
}

export async function faultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  let delay = 0;
  const handle = (client: Socket) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    const wire = () => {
      if (client.destroyed) return;
      const server = connect(Number(upstream.port), upstream.hostname);
      sockets.add(server);
      server.on('close', () => sockets.delete(server));
      server.on('error', () => client.destroy());
      client.on('close', () => server.destroy());
      server.on('close', () => client.destroy());
      client.pipe(server).pipe(client);
    };
    if (delay > 0) {
      client.pause();
      setTimeout(() => {
        client.resume();
        wire();
      }, delay);
    } else wire();
  };
  let server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const halt = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return {
    url: `http://127.0.0.1:${port}${upstream.pathname}`,
    stop: halt,
    async start() {
      server = createServer(handle);
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    slow(ms) {
      delay = ms;
    },
    close: () => (server.listening ? halt() : Promise.resolve()),
  };
}
