import { redact } from '../logging/app-log';
import type { Translate } from './desktop-text';

/**
 * An error at start as the user should see it: a title and sentences in
 * their language, the error's own one-line message, and where the log file
 * (which has the stack) is. Never a stack trace in the dialog.
 */
export interface StartupFailure {
  title: string;
  message: string;
}

export interface StartupFailureContext {
  t: Translate;
  /** The app's data folder, named when it cannot be written. */
  dataDir: string;
  logFile: string;
  /** False when the log could not be written either. */
  logWritten: boolean;
}

/** Thrown by main when the window's page cannot be loaded (a damaged install). */
export const MISSING_FILES = 'CAIS_MISSING_FILES';
const MAX_REASON_CHARS = 300;

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The error's first line, without "Error:" or any stack frame. */
export function oneLineReason(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : String(error);
  const first = raw
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line !== '' && !/^at\s/.test(line));
  const reason = redact((first ?? '').replace(/^\w*Error:\s*/, ''));
  return reason.length > MAX_REASON_CHARS ? `${reason.slice(0, MAX_REASON_CHARS)}…` : reason;
}

export function describeStartupFailure(error: unknown, context: StartupFailureContext): StartupFailure {
  const { t } = context;
  const code = codeOf(error);
  let sentence: string;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    const folder = (error as { path?: unknown }).path;
    sentence = t('startup.dataFolder', { folder: typeof folder === 'string' ? folder : context.dataDir });
  } else if (code === 'ENOSPC' || code === 'EDQUOT') {
    sentence = t('startup.diskFull');
  } else if (code === MISSING_FILES) {
    sentence = t('startup.missingFiles');
  } else {
    sentence = t('startup.unknown');
  }
  const reason = oneLineReason(error);
  const log = context.logWritten ? t('startup.logFile', { file: context.logFile }) : t('startup.noLogFile', { file: context.logFile });
  return {
    title: t('startup.title'),
    message: [sentence, ...(reason ? [t('startup.reason', { reason })] : []), log].join('\n\n'),
  };
}
