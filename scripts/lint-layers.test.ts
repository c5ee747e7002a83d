import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

/** The `cais/layers` messages the project's own ESLint config gives for `code` as if it were `filePath`. */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath });
  return result.messages.filter((message) => message.ruleId === 'cais/layers').map((message) => message.message);
}

// One forbidden import per layer (a row of LAYERS in eslint.config.js): each must fail lint.
const FORBIDDEN: Array<[file: string, code: string, expected: RegExp]> = [
  ['electron/api/x.ts', "import fs from 'node:fs';", /api may not import node/],
  ['electron/api/x.ts', "import { app } from 'electron';", /api may not import electron/],
  ['electron/api/x.ts', "import { EngineConnection } from '../engine/connection';", /api may import only nothing of the others: not engine/],
  ['electron/engine/x.ts', "import { SettingsStore } from '../settings/settings-store';", /engine may import only api: not settings/],
  ['electron/engine/x.ts', "import { aboutText } from '../desktop/about';", /engine may import only api: not desktop/],
  ['electron/engine/x.ts', "import { router } from '../server/router';", /not server/],
  ['electron/engine/x.ts', "import { AREAS } from '../../renderer/areas';", /not renderer/],
  ['electron/engine/x.ts', "import { app } from 'electron';", /engine may not import electron/],
  ['electron/settings/x.ts', "import { router } from '../server/router';", /settings may import only api, engine: not server/],
  ['electron/logging/x.ts', "import { EngineConnection } from '../engine/connection';", /logging may import only api: not engine/],
  ['electron/server/x.ts', "import { app } from 'electron';", /server may not import electron/],
  ['electron/server/x.ts', "import { startWebHost } from '../transports/web-host';", /server may import only .*: not transports/],
  ['electron/server/x.ts', "import { buildMenuTemplate } from '../desktop/app-menu';", /not desktop/],
  ['electron/core/x.ts', "import { router } from '../server/router';", /core may import only .*: not server/],
  ['electron/transports/x.ts', "import { app } from 'electron';", /transports may not import electron .*except as types/],
  ['electron/transports/x.ts', "import { EngineConnection } from '../engine/connection';", /transports may import only .*: not engine/],
  ['electron/desktop/x.ts', "import { app } from 'electron';", /desktop may not import electron .*except as types/],
  ['electron/desktop/x.ts', "import { router } from '../server/router';", /desktop may import only .*: not server/],
  ['electron/desktop/x.ts', "import { openMainWindow } from './main-window';", /not desktop-shell/],
  ['renderer/features/x/X.tsx', "import { EngineConnection } from '../../../electron/engine/connection';", /renderer may import only api, i18n: not engine/],
  ['renderer/features/x/X.tsx', "import { SettingsStore } from '../../../electron/settings/settings-store';", /not settings/],
  ['renderer/features/x/X.tsx', "import fs from 'node:fs';", /renderer may not import node/],
  ['renderer/features/x/X.tsx', "import { ipcRenderer } from 'electron';", /renderer may not import electron/],
  ['electron/engine/x.ts', "import { tempDirsPerTest } from '../../e2e/support/temp-dirs';", /not test-support/],
  ['electron/engine/x.ts', "import { main } from '../main';", /not entry/],
];

// What each layer may import must still pass, so the rule cannot pass by rejecting everything.
const ALLOWED: Array<[file: string, code: string]> = [
  ['electron/engine/x.ts', "import fs from 'node:fs';\nimport Docker from 'dockerode';\nimport { contract } from '../api/contract';"],
  ['electron/settings/x.ts', "import { discoverEngines } from '../engine/engine-discovery';"],
  ['electron/server/x.ts', "import { SettingsStore } from '../settings/settings-store';\nimport type { LogSink } from '../logging/app-log';\nimport en from '../../renderer/i18n/en.json';"],
  ['electron/core/x.ts', "import type { RouterContext } from '../server/base';\nimport { CredentialStore } from '../settings/credential-store';"],
  ['electron/transports/x.ts', "import type { MessagePortMain } from 'electron';\nimport type { EngineConnection } from '../engine/connection';\nimport { router } from '../server/router';"],
  ['electron/desktop/x.ts', "import type { MenuItemConstructorOptions } from 'electron';\nimport { redact } from '../logging/app-log';"],
  ['electron/desktop/main-window.ts', "import { BrowserWindow } from 'electron';\nimport { placeWindow } from './window-state';"],
  ['electron/main.ts', "import { app } from 'electron';\nimport { startCore } from './core/start-core';\nimport { homepage } from '../package.json';"],
  ['renderer/features/x/X.tsx', "import { contract } from '../../../electron/api/contract';\nimport en from '../../i18n/en.json';"],
  ['electron/engine/x.test.ts', "import { tempDirsPerTest } from '../../e2e/support/temp-dirs';\nimport { SettingsStore } from '../settings/settings-store';"],
];

describe('lint: each layer imports only what LAYERS allows', () => {
  it.each(FORBIDDEN)('%s: %s fails lint', async (file, code, expected) => {
    const errors = await layerErrors(file, code);
    expect(errors.join('\n')).toMatch(expected);
  });

  it.each(ALLOWED)('%s: allowed imports pass', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
