export { badUserInput } from './errors.js';
export { type GraphQLHttpOptions, type Probe, type RunningServer, serveGraphQL } from './http.js';
export { closeOnSignals } from './shutdown.js';
