import { builder } from '../builder.js';
import './history.js';
import './objects.js';
import './queries.js';
import './mutations.js';

/** Apollo Federation 2.6: composes with @apollo/composition 2.14 (newer link versions fail). */
export const schema = builder.toSubGraphSchema({
  linkUrl: 'https://specs.apollo.dev/federation/v2.6',
  federationDirectives: ['@key', '@shareable', '@external', '@extends'],
});
