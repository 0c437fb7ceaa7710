export { objectStoreFromEnv } from './env.js';
export { directoryStore } from './filesystem.js';
export { type S3Settings, s3Store } from './s3.js';
export { type Spooled, spool, TooLarge } from './spool.js';
export {
  assertKey,
  ObjectMissing,
  type ObjectStore,
  reachable,
  type StoredObject,
  StoreUnavailable,
} from './store.js';
