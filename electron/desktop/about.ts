import type { ConnectionState } from '../api/schemas';
import type { Translate } from './desktop-text';

/** What the About box shows: the versions a bug report needs. */
export interface AboutFacts {
  appName: string;
  appVersion: string;
  /** process.versions: electron, chrome, node, v8 (electron and chrome are absent outside Electron). */
  versions: Partial<Record<'electron' | 'chrome' | 'node' | 'v8', string>>;
  /** e.g. "Linux 6.8.0 x64". */
  os: string;
  engine: ConnectionState | null;
}

export interface AboutText {
  title: string;
  /** The dialog's first line: name and version. */
  heading: string;
  /** What the app is, then one "label: value" line per version. */
  detail: string;
  /** Heading and versions, for the dialog's Copy button (pasted into bug reports). */
  copyText: string;
}

function engineLine(engine: ConnectionState | null, t: Translate): string {
  if (engine?.status === 'connected') {
    return t('about.engineConnected', { version: engine.engineVersion, api: engine.apiVersion, os: engine.os, address: engine.endpoint.address });
  }
  return engine?.status === 'connecting' ? t('about.engineConnecting') : t('about.engineOffline');
}

export function aboutText(facts: AboutFacts, t: Translate): AboutText {
  const heading = t('about.heading', { app: facts.appName, version: facts.appVersion });
  const rows: [string, string | undefined][] = [
    [t('about.electron'), facts.versions.electron],
    [t('about.chromium'), facts.versions.chrome],
    [t('about.node'), facts.versions.node],
    [t('about.v8'), facts.versions.v8],
    [t('about.os'), facts.os],
    [t('about.engine'), engineLine(facts.engine, t)],
  ];
  const lines = rows.filter((row): row is [string, string] => Boolean(row[1])).map(([label, value]) => `${label}: ${value}`);
  return {
    title: t('about.title', { app: facts.appName }),
    heading,
    detail: [t('about.summary'), '', ...lines].join('\n'),
    copyText: [heading, ...lines].join('\n'),
  };
}
