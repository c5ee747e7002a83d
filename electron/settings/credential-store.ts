import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const CREDENTIALS_FILE = 'registry-logins.json';

/**
 * Seals a password for the disk and opens it again. In the desktop app this is
 * Electron's safeStorage (the OS keychain: Keychain, DPAPI, libsecret/kwallet);
 * tests inject their own. Nothing here imports Electron.
 */
export interface CredentialCipher {
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

/**
 * Where logins are kept: encrypted on disk with the keychain, or in this
 * process's memory only (the web host has no keychain; nor has a desktop
 * whose keychain Electron cannot use).
 */
export type CredentialKeeping = 'keychain' | 'memory-web' | 'memory-no-keychain';

export interface RegistryLogin {
  registry: string;
  username: string;
}

export interface RegistryAuth extends RegistryLogin {
  password: string;
}

const fileSchema = z.object({
  version: z.literal(1),
  logins: z.array(z.object({ registry: z.string().min(1), username: z.string(), secret: z.string().min(1) })),
});
type StoredLogin = z.infer<typeof fileSchema>['logins'][number];

export interface CredentialStoreOptions {
  /** The file to keep sealed logins in; used only together with a cipher. */
  file?: string | null;
  cipher?: CredentialCipher | null;
  /** Why there is no keychain, when there is none: said plainly in the UI. */
  withoutKeychain?: 'web' | 'no-keychain';
}

/**
 * The registry logins of this app, held by the main process only. With a
 * cipher and a file, each password is sealed by the cipher and only the sealed
 * bytes (base64) are written; it is opened again only when a pull, push or
 * build needs it. Without them, logins live in memory until the process ends.
 * Never is a password written in plain text, and none ever leaves through
 * `list()`.
 */
export class CredentialStore {
  readonly keeping: CredentialKeeping;
  private readonly file: string | null;
  private readonly cipher: CredentialCipher | null;
  private readonly sealed = new Map<string, StoredLogin>();
  private readonly memory = new Map<string, RegistryAuth>();

  constructor(options: CredentialStoreOptions = {}) {
    this.cipher = options.cipher ?? null;
    this.file = this.cipher ? (options.file ?? null) : null;
    this.keeping = this.cipher && this.file ? 'keychain' : options.withoutKeychain === 'no-keychain' ? 'memory-no-keychain' : 'memory-web';
    if (this.keeping === 'keychain') this.load();
  }

  /** Registries and user names: what the renderer may see. */
  list(): RegistryLogin[] {
    const all = this.keeping === 'keychain' ? [...this.sealed.values()] : [...this.memory.values()];
    return all.map(({ registry, username }) => ({ registry, username })).sort((a, b) => a.registry.localeCompare(b.registry));
  }

  has(registry: string): boolean {
    return this.sealed.has(registry) || this.memory.has(registry);
  }

  /** The full login, for the engine's X-Registry-Auth header only. */
  authFor(registry: string): RegistryAuth | undefined {
    if (this.keeping !== 'keychain') return this.memory.get(registry);
    const stored = this.sealed.get(registry);
    if (!stored) return undefined;
    try {
      return { registry, username: stored.username, password: this.cipher!.decrypt(Buffer.from(stored.secret, 'base64')) };
    } catch {
      // The keychain no longer opens it (another user, a reset keychain): as if logged out.
      return undefined;
    }
  }

  /** Every login, for a build whose FROM lines may need any of them. */
  allAuths(): RegistryAuth[] {
    return this.list().flatMap(({ registry }) => this.authFor(registry) ?? []);
  }

  save(login: RegistryAuth): void {
    if (this.keeping !== 'keychain') {
      this.memory.set(login.registry, { ...login });
      return;
    }
    const secret = this.cipher!.encrypt(login.password).toString('base64');
    this.sealed.set(login.registry, { registry: login.registry, username: login.username, secret });
    this.write();
  }

  /** Log out: forgets the login (and rewrites the file without it). */
  remove(registry: string): boolean {
    const had = this.memory.delete(registry) || this.sealed.delete(registry);
    if (had && this.keeping === 'keychain') this.write();
    return had;
  }

  private load(): void {
    const file = this.file!;
    if (!fs.existsSync(file)) return;
    let parsed: z.infer<typeof fileSchema> | undefined;
    try {
      parsed = fileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    } catch {
      // A damaged file holds nothing usable; the next login replaces it.
      return;
    }
    for (const login of parsed.logins) this.sealed.set(login.registry, login);
  }

  /** Temporary file, then rename: a crash never leaves half a file. Readable by this user only. */
  private write(): void {
    const file = this.file!;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    const content: z.infer<typeof fileSchema> = { version: 1, logins: [...this.sealed.values()] };
    fs.writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
    fs.renameSync(temporary, file);
  }
}
