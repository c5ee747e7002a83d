import { oc } from '@orpc/contract';
import { z } from 'zod';
import { registryAddress } from './images-schemas';
import { noInput } from './schemas';

/** A registry login as the renderer may see it: never the password. */
export const registryLogin = z.strictObject({ registry: z.string(), username: z.string() });
export type RegistryLoginView = z.infer<typeof registryLogin>;

export const registryLogins = z.strictObject({
  /**
   * keychain: encrypted on disk with the OS keychain (desktop app).
   * memory-web / memory-no-keychain: in the main process's memory until Cais closes.
   */
  keeping: z.enum(['keychain', 'memory-web', 'memory-no-keychain']),
  logins: z.array(registryLogin),
});
export type RegistryLogins = z.infer<typeof registryLogins>;

/** Registry logins, held by the main process only. */
export const registriesContract = {
  /** Which registries Cais is logged in to, as whom, and where that is kept. */
  list: oc.input(noInput).output(registryLogins),
  /**
   * `docker login HOST -u USER --password-stdin`: checked by the engine
   * against the registry, then kept. The password goes one way only.
   */
  login: oc
    .input(
      z.strictObject({
        registry: registryAddress,
        username: z.string().min(1).max(256).regex(/^[^\s:\0]+$/, 'must not contain spaces or colons'),
        password: z.string().min(1).max(4096),
      }),
    )
    .output(registryLogin),
  /** `docker logout HOST`: forgets the login. */
  logout: oc.input(z.strictObject({ registry: registryAddress })).output(z.strictObject({ removed: z.boolean() })),
};
