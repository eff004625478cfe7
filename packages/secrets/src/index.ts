export { decryptSecret, encryptSecret, needsReencryption, reencryptSecret, type SealedSecret } from './envelope';
export { MasterKeyError, SecretUnreadableError, type SecretUnreadableReason } from './errors';
export { keyHint } from './key-hint';
export { createKeyRing, keyIdOf, type KeyRing } from './key-ring';
export { createLogger, type CreateLoggerOptions } from './logger';
export { loadKeyRing, retireMasterKey, rotateMasterKey, type MasterKeyOptions } from './master-key';
export { REDACT_PATHS, redactText, censorSensitiveFields } from './redact';
export { maskSecretText, maskSecretValues, type SecretValues } from './mask-values';
export { extractCredentials, urlCredential, type ExtractedCredential } from './extract-credentials';
