import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { settingsSchema, type Settings, type SettingsPatch } from '../api/settings-schemas';

export const SETTINGS_FILE = 'settings.json';

/** The web host's data folder: CAIS_DATA_DIR, else the XDG config folder. */
export function webDataDir(env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (env.CAIS_DATA_DIR) return env.CAIS_DATA_DIR;
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'cais');
}

/**
 * settings.json in the app's data folder, validated when read. A damaged
 * file is moved aside (settings.json.broken-<time>) and replaced by defaults;
 * `recoveredFrom` names the moved copy until the user has been told.
 * With no folder, settings live in memory only (tests, throwaway hosts).
 */
export class SettingsStore extends EventEmitter<{ change: [Settings] }> {
  private current: Settings;
  recoveredFrom: string | null = null;

  constructor(private readonly dir: string | null) {
    super();
    this.setMaxListeners(0);
    this.current = this.load();
  }

  get settings(): Settings {
    return this.current;
  }

  get file(): string | null {
    return this.dir ? path.join(this.dir, SETTINGS_FILE) : null;
  }

  acknowledgeRecovery(): void {
    this.recoveredFrom = null;
  }

  update(patch: SettingsPatch | ((current: Settings) => Partial<Settings>)): Settings {
    const changes = typeof patch === 'function' ? patch(this.current) : patch;
    const confirmations = 'confirmations' in changes && changes.confirmations
      ? { ...this.current.confirmations, ...changes.confirmations }
      : this.current.confirmations;
    const next = settingsSchema.parse({ ...this.current, ...changes, confirmations });
    this.write(next);
    this.current = next;
    this.emit('change', next);
    return next;
  }

  private load(): Settings {
    const file = this.file;
    if (!file || !fs.existsSync(file)) return settingsSchema.parse({});
    let parsed: ReturnType<typeof settingsSchema.safeParse>;
    try {
      parsed = settingsSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    } catch {
      parsed = { success: false } as typeof parsed;
    }
    if (parsed.success) return parsed.data;
    // Keep the damaged copy for the user (or a bug report), start from defaults.
    const aside = `${file}.broken-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(file, aside);
    this.recoveredFrom = aside;
    const defaults = settingsSchema.parse({});
    this.write(defaults);
    return defaults;
  }

  /** Write to a temporary file, then rename: a crash never leaves half a file. */
  private write(settings: Settings): void {
    const file = this.file;
    if (!file) return;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
    fs.renameSync(temporary, file);
  }
}
