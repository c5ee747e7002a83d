import { z } from 'zod';
import { engineFeature, hasNoDotSteps, hasNoNul, hostKeyOffer, hostPath, offlineReason } from './schemas';

/** user:password@ in a tcp:// or ssh:// address. */
const PASSWORD_IN_ADDRESS = /^((?:tcp|ssh):\/\/[^\s/@:]*):[^\s/@]*@/i;
/** The issue message when an engine address holds a password (the form names it in words). */
export const ENGINE_ADDRESS_PASSWORD = 'must not contain a password';

/**
 * An engine address saved by an older version with a password in it: read it
 * without the password (ssh://admin:pw@host → ssh://admin@host, tcp://u:pw@h → tcp://h),
 * so the next save no longer keeps it in clear. Docker never uses such a password.
 */
export function withoutAddressPassword(engine: unknown): unknown {
  if (!engine || typeof engine !== 'object' || typeof (engine as { host?: unknown }).host !== 'string') return engine;
  const host = (engine as { host: string }).host;
  const match = PASSWORD_IN_ADDRESS.exec(host);
  if (!match) return engine;
  const rest = host.slice(match[0].length);
  const cleaned = /^ssh:/i.test(host) ? `${match[1]}@${rest}` : `${match[1].replace(/\/\/[^/]*$/, '//')}${rest}`;
  return { ...engine, host: cleaned };
}

/** An engine the user added by hand (Settings → Engines → Add). */
export const customEngine = z.strictObject({
  id: z.string().regex(/^custom:[a-z0-9-]{1,64}$/),
  name: z.string().trim().min(1).max(80).refine(hasNoNul, 'must not contain a NUL byte'),
  /** unix:///path, tcp://host:port or ssh://[user@]host[:port] (a Host alias of ~/.ssh/config too) */
  host: z
    .string()
    .regex(/^(unix:\/\/\/.+|tcp:\/\/[^\s/]+|ssh:\/\/([^\s/@-][^\s/@]*@)?[^\s/@-][^\s/@]*)$/, 'must be unix:///path, tcp://host:port or ssh://user@host')
    .refine((value) => hasNoNul(value) && hasNoDotSteps(value), 'must be unix:///path, tcp://host:port or ssh://user@host')
    // A password here would be saved in clear in settings.json, and Docker never uses one: ssh uses keys.
    .refine((value) => !PASSWORD_IN_ADDRESS.test(value), ENGINE_ADDRESS_PASSWORD),
  /** Paths to PEM files, for tcp:// with TLS. */
  tls: z
    .strictObject({ ca: hostPath, cert: hostPath, key: hostPath })
    .optional(),
});
export type CustomEngine = z.infer<typeof customEngine>;

export const themeSetting = z.enum(['system', 'light', 'dark']);
export const languageSetting = z.enum(['en', 'pt-BR']).nullable();

/**
 * Everything Cais remembers, as stored in settings.json. Every field has a
 * default, so a file written by an older version (missing fields) still reads.
 */
export const settingsSchema = z.object({
  version: z.literal(1).default(1),
  /** null: follow the operating system's language. */
  language: languageSetting.default(null),
  theme: themeSetting.default('system'),
  /** The engine chosen in Settings (an engine id); null: find it the way the docker CLI does. */
  engine: z.string().max(600).nullable().default(null),
  engines: z.array(z.preprocess(withoutAddressPassword, customEngine)).max(50).default([]),
  /** Lines of log kept in a container's log view. */
  logLines: z.number().int().min(100).max(100_000).default(10_000),
  /** Also ask before stopping or killing a container (off by default). Removals always ask. */
  confirmations: z
    .object({ stop: z.boolean().default(false), kill: z.boolean().default(false) })
    .default({ stop: false, kill: false }),
});
export type Settings = z.infer<typeof settingsSchema>;

/** What the renderer may change through settings.set (engines have their own calls). */
export const settingsPatch = z.strictObject({
  language: languageSetting.optional(),
  theme: themeSetting.optional(),
  logLines: z.number().int().min(100).max(100_000).optional(),
  confirmations: z.strictObject({ stop: z.boolean().optional(), kill: z.boolean().optional() }).optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatch>;

export const settingsResult = z.object({
  settings: settingsSchema,
  /** Set when the file was damaged at start: where the broken copy was moved. Shown once. */
  recoveredFrom: z.string().nullable(),
});
export type SettingsResult = z.infer<typeof settingsResult>;

/** One engine Cais can talk to, found on this machine or added by the user. */
export const engineEntry = z.object({
  id: z.string(),
  /** A context's or a custom engine's name; else empty (the address says it all). */
  name: z.string(),
  source: z.enum(['DOCKER_HOST', 'context', 'socket', 'custom']),
  kind: z.enum(['unix', 'npipe', 'tcp', 'ssh']),
  address: z.string(),
  tls: z.boolean(),
  /** A context or a custom engine whose description could not be read; `problem` says why. */
  problem: z.string().optional(),
});
export type EngineEntry = z.infer<typeof engineEntry>;

export const engineTestResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), engineVersion: z.string(), apiVersion: z.string(), os: z.string(), product: z.string(), unsupported: z.array(engineFeature) }),
  z.object({ ok: z.literal(false), reason: offlineReason, detail: z.string(), hostKey: hostKeyOffer.optional() }),
]);
export type EngineTestResult = z.infer<typeof engineTestResult>;
