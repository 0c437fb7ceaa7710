import { builder } from './builder.js';
import './methods/schema.js';
import './cycles/schema.js';
import './assessments/schema.js';
import './results/schema.js';
import './evidence/schema.js';
import './verification/schema.js';
import './worklists/schema.js';
import './findings/schema.js';
import './self-evaluations/schema.js';
import './surveys/schema.js';
import './history/schema.js';
import './import/schema.js';
import './reports/schema.js';

/** Apollo Federation 2.6: composes with @apollo/composition 2.14 (newer link versions fail). */
export const schema = builder.toSubGraphSchema({
  linkUrl: 'https://specs.apollo.dev/federation/v2.6',
  federationDirectives: ['@key', '@shareable', '@external', '@extends'],
});
