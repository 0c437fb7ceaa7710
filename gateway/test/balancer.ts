import { createServer, type IncomingMessage } from 'node:http';

/**
 * A round-robin HTTP load balancer for tests, as nginx or HAProxy would stand in front of
 * several instances: a request an instance refuses goes to the next (it never reached the dead
 * one), a query whose instance died while answering is sent again, and any other request that
 * was under way on a dying instance fails (502), as with a real balancer.
 */
export interface Balancer {
  readonly url: string;
  add(upstream: string): void;
  /** Requests sent to each upstream so far. */
  served(): Record<string, number>;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'host',
  'content-length',
]);

const read = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const codeOf = (error: unknown) => (error as { cause?: { code?: string } }).cause?.code;

/** A GraphQL query (not a mutation) may be sent again: it changes nothing. */
function isQuery(body: Buffer | undefined): boolean {
  try {
    const { query } = JSON.parse(String(body)) as { query?: string };
    return typeof query === 'string' && /^\s*(\{|query\b)/.test(query);
  } catch {
    return false;
  }
}

/**
 * Whether a failed attempt goes to the next instance: always when the connection was refused
 * (the request never arrived), and for a query when the instance died while answering it.
 */
const retried = (error: unknown, body: Buffer | undefined) => {
  const code = codeOf(error);
  if (code === 'ECONNREFUSED') return true;
  return (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') && isQuery(body);
};

export async function balancer(path = '/graphql'): Promise<Balancer> {
  const upstreams: string[] = [];
  const counts: Record<string, number> = {};
  let next = 0;
  const server = createServer(async (req, res) => {
    const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await read(req);
    const headers = Object.fromEntries(
      Object.entries(req.headers)
        .filter(([name]) => !HOP_BY_HOP.has(name))
        .map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)]),
    );
    // Each request tries every instance once, starting at the next in turn.
    const first = next++;
    for (let attempt = 0; attempt < upstreams.length; attempt += 1) {
      const upstream = upstreams[(first + attempt) % upstreams.length] as string;
      const target = new URL(req.url ?? '/', upstream);
      let answer: Response;
      try {
        answer = await fetch(target, { method: req.method, headers, body, redirect: 'manual' });
      } catch (error) {
        if (retried(error, body) && attempt + 1 < upstreams.length) continue;
        res.statusCode = 502;
        res.end();
        return;
      }
      counts[upstream] = (counts[upstream] ?? 0) + 1;
      const bytes = Buffer.from(await answer.arrayBuffer());
      const out: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (!HOP_BY_HOP.has(name) && name !== 'content-encoding') out[name] = value;
      });
      res.writeHead(answer.status, out);
      res.end(bytes);
      return;
    }
    res.statusCode = 503;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    add(upstream) {
      upstreams.push(new URL(upstream).origin);
    },
    served: () => ({ ...counts }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
