import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  decryptSecret,
  encryptSecret,
  keyIdOf,
  loadKeyRing,
  MasterKeyError,
  needsReencryption,
  reencryptSecret,
  retireMasterKey,
  rotateMasterKey,
  SecretUnreadableError,
} from './index';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'bm-secrets-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const noEnv = {} as NodeJS.ProcessEnv;
const keyFile = () => join(dataDir, 'master-keys.json');

describe('loadKeyRing — generated key file', () => {
  it('creates the key file with mode 0600 on first start and reuses it', async () => {
    const first = await loadKeyRing({ dataDir: join(dataDir, 'nested'), env: noEnv });
    const path = join(dataDir, 'nested', 'master-keys.json');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const file = JSON.parse(await readFile(path, 'utf8')) as { current: string; keys: Record<string, { key: string }> };
    expect(file.current).toBe(first.currentKeyId);
    expect(keyIdOf(Buffer.from(file.keys[file.current]!.key, 'base64'))).toBe(first.currentKeyId);

    const sealed = encryptSecret(first, 'sk-secret-value-0001', 'row1');
    const second = await loadKeyRing({ dataDir: join(dataDir, 'nested'), env: noEnv });
    expect(second.currentKeyId).toBe(first.currentKeyId);
    expect(decryptSecret(second, sealed, 'row1')).toBe('sk-secret-value-0001');
  });

  it('gives concurrent first starts the same key', async () => {
    const rings = await Promise.all(Array.from({ length: 8 }, () => loadKeyRing({ dataDir, env: noEnv })));
    expect(new Set(rings.map((r) => r.currentKeyId)).size).toBe(1);
  });

  it('refuses a corrupt key file instead of replacing it', async () => {
    await writeFile(keyFile(), '{"version":1,"current":"x","keys":{}}');
    await expect(loadKeyRing({ dataDir, env: noEnv })).rejects.toThrow(/master key file .* is invalid/);
    await writeFile(keyFile(), 'not json');
    await expect(loadKeyRing({ dataDir, env: noEnv })).rejects.toBeInstanceOf(MasterKeyError);
  });
});

describe('loadKeyRing — environment', () => {
  it('uses BOT_MANAGER_ENCRYPTION_KEY when set and creates no file', async () => {
    const key = randomBytes(32);
    const ring = await loadKeyRing({ dataDir, env: { BOT_MANAGER_ENCRYPTION_KEY: key.toString('base64') } });
    expect(ring.currentKeyId).toBe(keyIdOf(key));
    await expect(stat(keyFile())).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it.each([
    ['not base64', 'not base64!!'],
    ['too short', randomBytes(16).toString('base64')],
    ['too long', randomBytes(33).toString('base64')],
    ['hex instead of base64', randomBytes(32).toString('hex')],
    ['unpadded', randomBytes(32).toString('base64').replace(/=+$/, '')],
  ])('rejects a malformed key (%s) with a clear error that does not echo it', async (_label, value) => {
    const err = await loadKeyRing({ dataDir, env: { BOT_MANAGER_ENCRYPTION_KEY: value } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MasterKeyError);
    expect((err as Error).message).toMatch(/BOT_MANAGER_ENCRYPTION_KEY .*(base64|bytes)/);
    expect((err as Error).message).toMatch(/openssl rand -base64 32/);
    expect((err as Error).message).not.toContain(value);
  });

  it('rejects a malformed previous key', async () => {
    const env = {
      BOT_MANAGER_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      BOT_MANAGER_PREVIOUS_ENCRYPTION_KEYS: `${randomBytes(32).toString('base64')},oops`,
    };
    await expect(loadKeyRing({ dataDir, env })).rejects.toThrow(/BOT_MANAGER_PREVIOUS_ENCRYPTION_KEYS entry 2/);
  });

  it('rotates by env: new current key, old key in BOT_MANAGER_PREVIOUS_ENCRYPTION_KEYS', async () => {
    const a = randomBytes(32).toString('base64');
    const b = randomBytes(32).toString('base64');
    const ringA = await loadKeyRing({ dataDir, env: { BOT_MANAGER_ENCRYPTION_KEY: a } });
    const sealed = encryptSecret(ringA, 'sk-env-rotation-0002', 'row');
    const ringB = await loadKeyRing({ dataDir, env: { BOT_MANAGER_ENCRYPTION_KEY: b, BOT_MANAGER_PREVIOUS_ENCRYPTION_KEYS: ` ${a} ` } });
    expect(decryptSecret(ringB, sealed, 'row')).toBe('sk-env-rotation-0002');
    const moved = reencryptSecret(ringB, sealed, 'row');
    const onlyB = await loadKeyRing({ dataDir, env: { BOT_MANAGER_ENCRYPTION_KEY: b } });
    expect(decryptSecret(onlyB, moved, 'row')).toBe('sk-env-rotation-0002');
    expect(() => decryptSecret(onlyB, sealed, 'row')).toThrow(SecretUnreadableError);
  });

  it('keeps file keys readable after switching to an env key', async () => {
    const fileRing = await loadKeyRing({ dataDir, env: noEnv });
    const sealed = encryptSecret(fileRing, 'sk-from-file-era-0003', 'row');
    const envRing = await loadKeyRing({ dataDir, env: { BOT_MANAGER_ENCRYPTION_KEY: randomBytes(32).toString('base64') } });
    expect(envRing.currentKeyId).not.toBe(fileRing.currentKeyId);
    expect(decryptSecret(envRing, sealed, 'row')).toBe('sk-from-file-era-0003');
    expect(needsReencryption(envRing, sealed)).toBe(true);
  });
});

describe('rotateMasterKey (key file)', () => {
  it('encrypt under A, rotate, still decrypts, re-encrypt to B, retire A, still decrypts', async () => {
    const ringA = await loadKeyRing({ dataDir, env: noEnv });
    const keyIdA = ringA.currentKeyId;
    const sealedA = encryptSecret(ringA, 'sk-rotation-canary-0004', 'conn_42');

    const { newKeyId } = await rotateMasterKey({ dataDir, env: noEnv });
    expect(newKeyId).not.toBe(keyIdA);
    expect((await stat(keyFile())).mode & 0o777).toBe(0o600);

    const ringAB = await loadKeyRing({ dataDir, env: noEnv });
    expect(ringAB.currentKeyId).toBe(newKeyId);
    expect(ringAB.keyIds).toEqual([newKeyId, keyIdA]);
    expect(decryptSecret(ringAB, sealedA, 'conn_42')).toBe('sk-rotation-canary-0004');
    expect(needsReencryption(ringAB, sealedA)).toBe(true);

    const sealedB = reencryptSecret(ringAB, sealedA, 'conn_42');
    expect(sealedB.keyId).toBe(newKeyId);
    expect(needsReencryption(ringAB, sealedB)).toBe(false);

    await expect(retireMasterKey({ dataDir, env: noEnv, keyId: newKeyId })).rejects.toThrow(/current master key/);
    await retireMasterKey({ dataDir, env: noEnv, keyId: keyIdA });
    const ringB = await loadKeyRing({ dataDir, env: noEnv });
    expect(ringB.keyIds).toEqual([newKeyId]);
    expect(decryptSecret(ringB, sealedB, 'conn_42')).toBe('sk-rotation-canary-0004');
    const gone = (() => {
      try {
        decryptSecret(ringB, sealedA, 'conn_42');
      } catch (e) {
        return e;
      }
    })() as SecretUnreadableError;
    expect(gone.reason).toBe('UNKNOWN_KEY');
  });

  it('refuses to rotate the file while the env key is in charge', async () => {
    await expect(rotateMasterKey({ dataDir, env: { BOT_MANAGER_ENCRYPTION_KEY: randomBytes(32).toString('base64') } })).rejects.toThrow(
      /BOT_MANAGER_PREVIOUS_ENCRYPTION_KEYS/,
    );
  });
});
