export type SecretUnreadableReason = 'UNKNOWN_KEY' | 'AUTHENTICATION_FAILED' | 'MALFORMED';

/**
 * A stored secret could not be decrypted. The message names the key id (not secret) and what an
 * administrator or user can do; it never contains plaintext, ciphertext or key material.
 */
export class SecretUnreadableError extends Error {
  readonly code = 'SECRET_UNREADABLE' as const;
  constructor(
    readonly reason: SecretUnreadableReason,
    readonly keyId: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'SecretUnreadableError';
  }
}

/** The master key configuration is unusable (malformed env value, corrupt key file, …). */
export class MasterKeyError extends Error {
  readonly code = 'MASTER_KEY_INVALID' as const;
  constructor(message: string) {
    super(message);
    this.name = 'MasterKeyError';
  }
}
