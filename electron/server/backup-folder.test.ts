import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileErrorCode } from '../engine/coded-error';
import { BACKUP_FOLDER_NAMES, defaultBackupFolder, inDefaultBackupFolder } from './backup-folder';

const home = path.join(path.sep, 'home', 'ana');

describe('the default backup folder', () => {
  it('is named in the UI language', () => {
    expect(BACKUP_FOLDER_NAMES).toEqual({ en: 'Cais backups', 'pt-BR': 'Backups do Cais' });
    expect(defaultBackupFolder(home, 'en', () => false)).toBe(path.join(home, 'Cais backups'));
    expect(defaultBackupFolder(home, 'pt-BR', () => false)).toBe(path.join(home, 'Backups do Cais'));
  });

  it('stays the folder already made under the other language, so backups never split', () => {
    const made = path.join(home, 'Cais backups');
    expect(defaultBackupFolder(home, 'pt-BR', (folder) => folder === made)).toBe(made);
    const both = () => true;
    expect(defaultBackupFolder(home, 'pt-BR', both)).toBe(path.join(home, 'Backups do Cais'));
  });

  it('is the only folder Cais makes by itself', () => {
    expect(inDefaultBackupFolder(home, path.join(home, 'Cais backups', 'db.tar.gz'))).toBe(true);
    expect(inDefaultBackupFolder(home, path.join(home, 'Backups do Cais', 'db.tar.gz'))).toBe(true);
    expect(inDefaultBackupFolder(home, path.join(home, 'Cais backups', 'deeper', 'db.tar.gz'))).toBe(false);
    expect(inDefaultBackupFolder(home, path.join(home, 'elsewhere', 'db.tar.gz'))).toBe(false);
    expect(inDefaultBackupFolder(home, path.join(home, 'elsewhere', '..', 'Cais backups', 'db.tar.gz'))).toBe(true);
  });
});

describe('file-system failures as sentences', () => {
  it('tells a missing folder from no permission and a full disk', () => {
    expect(fileErrorCode({ code: 'ENOENT' })).toBe('DESTINATION_MISSING');
    expect(fileErrorCode({ code: 'ENOTDIR' })).toBe('DESTINATION_MISSING');
    expect(fileErrorCode({ code: 'EACCES' })).toBe('DESTINATION_UNWRITABLE');
    expect(fileErrorCode({ code: 'EPERM' })).toBe('DESTINATION_UNWRITABLE');
    expect(fileErrorCode({ code: 'ENOSPC' })).toBe('DISK_FULL');
    expect(fileErrorCode({ code: 'EBUSY' })).toBeUndefined();
  });
});
