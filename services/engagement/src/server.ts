import { runService } from '@mutu/service';
import { loadEnv } from './env.js';
import { service } from './service.js';

await runService(service, loadEnv());
