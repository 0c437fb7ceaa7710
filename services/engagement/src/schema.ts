import { builder } from './builder.js';
import './agreements/schema.js';
import './events/schema.js';
import './awards/schema.js';
import './history/schema.js';

/** Apollo Federation 2.6: composes with @apollo/composition 2.14 (newer link versions fail). */
export const schema = builder.toSubGraphSchema({
  linkUrl: 'https://specs.apollo.dev/federation/v2.6',
  federationDirectives: ['@key', '@shareable', '@external', '@extends'],
});
