import fs from 'node:fs';
import os from 'node:os';
import type { HostFacts } from './endpoint';

/** The real machine's facts for endpoint discovery. */
export function realHostFacts(): HostFacts {
  return {
    env: process.env,
    home: os.homedir(),
    platform: process.platform,
    exists: (file) => fs.existsSync(file),
    readText: (file) => {
      try {
        return fs.readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
    listDir: (dir) => {
      try {
        return fs.readdirSync(dir);
      } catch {
        return [];
      }
    },
  };
}
