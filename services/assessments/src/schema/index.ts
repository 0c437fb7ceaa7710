import { builder } from '../builder.js';
import './score-band.js';
import './cycle.js';
import './organisation.js';
import './assessment.js';
import './ranking.js';
import './lokus.js';
import './history.js';
import './workflow-mutations.js';
import './import.js';

/** Apollo Federation 2.6: composes with @apollo/composition 2.14 (newer link versions fail). */
export const schema = builder.toSubGraphSchema({
  linkUrl: 'https://specs.apollo.dev/federation/v2.6',
  federationDirectives: ['@key', '@shareable', '@external', '@extends'],
});
