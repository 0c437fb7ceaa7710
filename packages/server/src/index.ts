export { badUserInput } from './errors.js';
export { type GraphQLHttpOptions, type Probe, type RunningServer, serveGraphQL } from './http.js';
export {
  coversOrganisation,
  IDENTITY_HEADER,
  type Identity,
  identityOf,
  internalSecret,
  PUBLIC,
  ROLES,
  type Role,
  signIdentity,
} from './identity.js';
export {
  createLogger,
  LOG_LEVELS,
  type Logger,
  type LogLevel,
  REQUEST_ID_HEADER,
} from './logging.js';
export { assertPageSize, MAX_PAGE } from './pagination.js';
export { closeOnSignals } from './shutdown.js';
