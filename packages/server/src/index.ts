export { badUserInput, isUnexpected, maskUnexpectedErrors } from './errors.js';
export { type Generation, sharedGeneration } from './generation.js';
export {
  type GraphQLHttpOptions,
  PayloadTooLarge,
  type Probe,
  queryFlags,
  type Refusal,
  type RunningServer,
  readBody,
  sendError,
  sendJson,
  sendPayloadTooLarge,
  sendRefusal,
  serveGraphQL,
} from './http.js';
export {
  coversOrganisation,
  type Identity,
  PUBLIC,
  ROLES,
  type Role,
  speaksFor,
  USER_ROLES,
  within,
} from './identity.js';
export {
  exportSigningKey,
  generateSigningKey,
  type Jwks,
  jwksOf,
  SIGNING_ALGORITHMS,
  type SigningAlgorithm,
  type SigningKey,
  signingKeyFile,
  signingKeyFrom,
} from './keys.js';
export {
  createLogger,
  LOG_LEVELS,
  type Logger,
  type LogLevel,
  REQUEST_ID_HEADER,
} from './logging.js';
export { assertPageSize, MAX_PAGE } from './pagination.js';
export { countSqlStatement, type RequestStats, withRequestStats } from './request-stats.js';
export { closeOnSignals } from './shutdown.js';
export { refuseNulCharacters } from './text-input.js';
export {
  CALL_TOKEN_SECONDS,
  CALL_TOKEN_TYPE,
  type CallClaims,
  type CallSigner,
  type CallVerifier,
  callSigner,
  callVerifier,
  GATEWAY_ISSUER,
  IDENTITY_HEADER,
  JWKS_PATH,
  keySetOf,
  serviceIssuer,
  type TrustedIssuer,
} from './tokens.js';
