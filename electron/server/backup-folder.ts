import fs from 'node:fs';
import path from 'node:path';
import volumesEn from '../../renderer/i18n/areas/volumes.en.json' with { type: 'json' };
import volumesPt from '../../renderer/i18n/areas/volumes.pt-BR.json' with { type: 'json' };

/** The default backup folder's name in each language Cais speaks, from the catalogues. */
export const BACKUP_FOLDER_NAMES = { en: volumesEn.backup.defaultFolder, 'pt-BR': volumesPt.backup.defaultFolder } as const;

/**
 * The default backup folder in the user's home: named in the UI's language
 * (a pt-BR user gets "Backups do Cais"), except that a folder already made
 * under the other language's name is kept, so that switching the language
 * never splits someone's backups over two folders.
 */
export function defaultBackupFolder(home: string, language: keyof typeof BACKUP_FOLDER_NAMES = 'en', exists = fs.existsSync): string {
  const preferred = path.join(home, BACKUP_FOLDER_NAMES[language]);
  if (exists(preferred)) return preferred;
  const other = Object.values(BACKUP_FOLDER_NAMES)
    .map((name) => path.join(home, name))
    .find((folder) => folder !== preferred && exists(folder));
  return other ?? preferred;
}

/** True when `destination` is a file directly in one of the default backup folders (which Cais may create). */
export function inDefaultBackupFolder(home: string, destination: string): boolean {
  const folder = path.dirname(path.resolve(destination));
  return Object.values(BACKUP_FOLDER_NAMES).some((name) => path.join(home, name) === folder);
}
