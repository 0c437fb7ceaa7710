import { closeOnSignals } from '@mutu/server';
import { loadEnv } from './env.js';
import { startGateway } from './start.js';

const gateway = await startGateway(loadEnv());
console.log(`Mutu gateway on ${gateway.url}`);
closeOnSignals('gateway', gateway.close);
