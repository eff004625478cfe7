import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeBase64Strict } from './base64';
import { MasterKeyError } from './errors';
import { createKeyRing, keyIdOf, MASTER_KEY_BYTES, type KeyRing } from './key-ring';

const ENCRYPTION_KEY_ENV = 'BOT_MANAGER_ENCRYPTION_KEY';
const PREVIOUS_ENCRYPTION_KEYS_ENV = 'BOT_MANAGER_PREVIOUS_ENCRYPTION_KEYS';
const KEY_FILE_NAME = 'master-keys.json';

/** On-disk format of <dataDir>/master-keys.json (mode 0600). */
interface KeyFile {
  version: 1;
  current: string;
  keys: Record<string, { key: string; createdAt: string }>;
}

export interface MasterKeyOptions {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
}

const HOW_TO_GENERATE = 'Generate one with: openssl rand -base64 32';

/** Decodes one configured key; the message never echoes the value. */
function decodeMasterKey(text: string, where: string): Buffer {
  const buf = decodeBase64Strict(text.trim());
  if (buf === null)
    throw new MasterKeyError(
      `${where} is not valid base64. It must be the base64 encoding of ${MASTER_KEY_BYTES} random bytes. ${HOW_TO_GENERATE}`,
    );
  if (buf.length !== MASTER_KEY_BYTES) {
    throw new MasterKeyError(`${where} decodes to ${buf.length} bytes; it must be exactly ${MASTER_KEY_BYTES}. ${HOW_TO_GENERATE}`);
  }
  return buf;
}

function previousFromEnv(env: NodeJS.ProcessEnv): Buffer[] {
  const raw = env[PREVIOUS_ENCRYPTION_KEYS_ENV];
  if (!raw?.trim()) return [];
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s, i) => decodeMasterKey(s, `${PREVIOUS_ENCRYPTION_KEYS_ENV} entry ${i + 1}`));
}

function keyFilePath(dataDir: string): string {
  return join(dataDir, KEY_FILE_NAME);
}

/** Reads and validates the key file; null when it does not exist. */
async function readKeyFile(dataDir: string): Promise<KeyFile | null> {
  const path = keyFilePath(dataDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new MasterKeyError(`Cannot read the master key file ${path}: ${(err as Error).message}`);
  }
  const bad = (why: string) =>
    new MasterKeyError(
      `The master key file ${path} is invalid (${why}). Restore it from a backup; without it, stored provider keys cannot be decrypted.`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw bad('not JSON');
  }
  const file = parsed as Partial<KeyFile>;
  if (file?.version !== 1 || typeof file.current !== 'string' || typeof file.keys !== 'object' || file.keys === null)
    throw bad('unexpected structure');
  for (const [id, entry] of Object.entries(file.keys)) {
    const key = typeof entry?.key === 'string' ? decodeBase64Strict(entry.key) : null;
    if (key === null || key.length !== MASTER_KEY_BYTES) throw bad(`key ${id} is not ${MASTER_KEY_BYTES} bytes of base64`);
    if (keyIdOf(key) !== id) throw bad(`key ${id} does not match its id`);
  }
  if (!(file.current in file.keys)) throw bad('the current key id is not among the keys');
  return file as KeyFile;
}

function fileKeys(file: KeyFile): { current: Buffer; others: Buffer[] } {
  const current = Buffer.from(file.keys[file.current]!.key, 'base64');
  const others = Object.entries(file.keys)
    .filter(([id]) => id !== file.current)
    .map(([, e]) => Buffer.from(e.key, 'base64'));
  return { current, others };
}

function newKeyEntry(): { id: string; key: Buffer; entry: { key: string; createdAt: string } } {
  const key = randomBytes(MASTER_KEY_BYTES);
  return { id: keyIdOf(key), key, entry: { key: key.toString('base64'), createdAt: new Date().toISOString() } };
}

/** Writes a complete file next to the target with mode 0600 (whatever the umask), fsynced. */
async function writeTemp(dataDir: string, file: KeyFile): Promise<string> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const tmp = `${keyFilePath(dataDir)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fh = await open(tmp, 'wx', 0o600);
  try {
    await fh.writeFile(`${JSON.stringify(file, null, 2)}\n`, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
  await chmod(tmp, 0o600);
  return tmp;
}

/**
 * Creates the key file unless it exists. link() is atomic and fails if the target exists, so two
 * processes starting together (API and worker) end up with the same key rather than each
 * encrypting with its own.
 */
async function createKeyFileIfAbsent(dataDir: string): Promise<KeyFile> {
  const { id, entry } = newKeyEntry();
  const file: KeyFile = { version: 1, current: id, keys: { [id]: entry } };
  const tmp = await writeTemp(dataDir, file);
  try {
    await link(tmp, keyFilePath(dataDir));
    return file;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new MasterKeyError(`Cannot create the master key file ${keyFilePath(dataDir)}: ${(err as Error).message}`);
    }
    const existing = await readKeyFile(dataDir);
    if (!existing) throw new MasterKeyError(`The master key file ${keyFilePath(dataDir)} vanished while being created.`);
    return existing;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

async function replaceKeyFile(dataDir: string, file: KeyFile): Promise<void> {
  const tmp = await writeTemp(dataDir, file);
  try {
    await rename(tmp, keyFilePath(dataDir));
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

/**
 * Loads the master keys.
 * - BOT_MANAGER_ENCRYPTION_KEY set: it is the current key; keys in the data-dir key file (if one
 *   exists, e.g. from before the variable was set) and BOT_MANAGER_PREVIOUS_ENCRYPTION_KEYS stay
 *   readable. No file is created.
 * - Otherwise: <dataDir>/master-keys.json is read, or created with a fresh key (mode 0600); its
 *   current key encrypts, its other keys and BOT_MANAGER_PREVIOUS_ENCRYPTION_KEYS decrypt.
 */
export async function loadKeyRing(opts: MasterKeyOptions): Promise<KeyRing> {
  const env = opts.env ?? process.env;
  const previous = previousFromEnv(env);
  const envKey = env[ENCRYPTION_KEY_ENV]?.trim();
  if (envKey) {
    const current = decodeMasterKey(envKey, ENCRYPTION_KEY_ENV);
    const file = await readKeyFile(opts.dataDir);
    const fromFile = file ? [fileKeys(file).current, ...fileKeys(file).others] : [];
    return createKeyRing(current, [...previous, ...fromFile]);
  }
  const file = (await readKeyFile(opts.dataDir)) ?? (await createKeyFileIfAbsent(opts.dataDir));
  const { current, others } = fileKeys(file);
  return createKeyRing(current, [...others, ...previous]);
}

function refuseWhenEnvManaged(env: NodeJS.ProcessEnv, action: string): void {
  if (env[ENCRYPTION_KEY_ENV]?.trim()) {
    throw new MasterKeyError(
      `Cannot ${action} the data-directory key file while ${ENCRYPTION_KEY_ENV} is set: the environment key is the current key. ` +
        `Rotate by setting a new ${ENCRYPTION_KEY_ENV} and moving the old value into ${PREVIOUS_ENCRYPTION_KEYS_ENV}.`,
    );
  }
}

/**
 * Adds a fresh key to <dataDir>/master-keys.json and makes it current; older keys stay for
 * decryption. Callers then re-encrypt rows (needsReencryption / reencryptSecret) and may finally
 * retire the old key. Run it from one process at a time (an admin command): concurrent rotations
 * of the same file are not merged.
 */
export async function rotateMasterKey(opts: MasterKeyOptions): Promise<{ newKeyId: string }> {
  refuseWhenEnvManaged(opts.env ?? process.env, 'rotate');
  const existing = await readKeyFile(opts.dataDir);
  if (!existing) return { newKeyId: (await createKeyFileIfAbsent(opts.dataDir)).current };
  const { id, entry } = newKeyEntry();
  await replaceKeyFile(opts.dataDir, { version: 1, current: id, keys: { ...existing.keys, [id]: entry } });
  return { newKeyId: id };
}

/** Removes a non-current key from the key file once no row uses it any more. */
export async function retireMasterKey(opts: MasterKeyOptions & { keyId: string }): Promise<void> {
  refuseWhenEnvManaged(opts.env ?? process.env, 'change');
  const existing = await readKeyFile(opts.dataDir);
  if (!existing || !(opts.keyId in existing.keys))
    throw new MasterKeyError(`No master key with id ${opts.keyId} in ${keyFilePath(opts.dataDir)}.`);
  if (existing.current === opts.keyId)
    throw new MasterKeyError(`Key ${opts.keyId} is the current master key and cannot be retired; rotate first.`);
  const keys = { ...existing.keys };
  delete keys[opts.keyId];
  await replaceKeyFile(opts.dataDir, { ...existing, keys });
}
