import { runService, useOrganisationsAt } from '@mutu/service';
import { loadEnv } from './env.js';
import { service } from './service.js';

const env = loadEnv();
useOrganisationsAt(env.ORGANISATIONS_URL);
await runService(service, env);
