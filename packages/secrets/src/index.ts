export {
  decryptSecret,
  encryptSecret,
  needsReencryption,
  reencryptSecret,
  type SealedSecret,
} from './envelope';
export { MasterKeyError, SecretUnreadableError, type SecretUnreadableReason } from './errors';
export { keyHint } from './key-hint';
export { createKeyRing, keyIdOf, MASTER_KEY_BYTES, type KeyRing } from './key-ring';
export { createLogger, type CreateLoggerOptions } from './logger';
export {
  ENCRYPTION_KEY_ENV,
  KEY_FILE_NAME,
  loadKeyRing,
  PREVIOUS_ENCRYPTION_KEYS_ENV,
  retireMasterKey,
  rotateMasterKey,
  type MasterKeyOptions,
} from './master-key';
export { REDACT_PATHS, redactText, censorSensitiveFields, SENSITIVE_FIELD_NAMES } from './redact';
export { maskSecretText, maskSecretValues, type SecretValues } from './mask-values';
export { extractCredentials, urlCredential, type ExtractedCredential } from './extract-credentials';
