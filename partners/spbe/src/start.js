import { startSpbeSubgraph } from './server.js';

const port = Number(process.env.PORT ?? 4010);
const subgraph = await startSpbeSubgraph({
  port,
  host: process.env.HOST ?? '127.0.0.1',
  gatewayKeys: process.env.GATEWAY_JWKS_URL ?? 'http://127.0.0.1:4000/.well-known/jwks.json',
});
console.log(`SPBE partner subgraph on ${subgraph.url}`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await subgraph.stop();
    process.exit(0);
  });
}
