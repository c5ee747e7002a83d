import { oc } from '@orpc/contract';
import { z } from 'zod';
import { hasNoNul, noInput } from './schemas';
import { customEngine, engineEntry, engineTestResult, settingsPatch, settingsResult } from './settings-schemas';

export const settingsContract = {
  /** The settings, and whether a damaged file was just replaced (shown once). */
  get: oc.input(noInput).output(settingsResult),
  set: oc.input(settingsPatch).output(settingsResult),
  /** The user has seen the "settings were damaged" notice. */
  acknowledgeRecovery: oc.input(noInput).output(z.void()),
};

/** An engine's id, only ever matched against the engines Cais knows. */
const engineIdText = z.string().min(1).max(600).refine(hasNoNul, 'must not contain a NUL byte');
const engineId = z.strictObject({ id: engineIdText });

export const enginesContract = {
  /** Engines found on this machine and added by the user; which one is chosen. */
  list: oc
    .input(z.strictObject({}).optional())
    .output(z.object({ engines: z.array(engineEntry), selected: z.string().nullable() })),
  /** Remember a new engine (not yet used). */
  add: oc.input(customEngine.omit({ id: true })).output(engineEntry),
  remove: oc.input(engineId).output(z.void()),
  /** Ask the engine for its version (GET /version), without switching to it. */
  test: oc.input(engineId).output(engineTestResult),
  /** Switch to an engine and remember it; null goes back to automatic discovery. */
  use: oc.input(z.strictObject({ id: engineIdText.nullable() })).output(z.void()),
  /**
   * Trust an ssh server's key the user was shown (ssh-host-unknown): it is
   * added to known_hosts only if the server still shows that very key. id null:
   * the engine in use now; it is retried at once.
   */
  trustHostKey: oc
    .input(z.strictObject({ id: engineIdText.nullable(), fingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/) }))
    .output(z.void()),
};
