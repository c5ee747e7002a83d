import type { TFunction } from 'i18next';

/**
 * The engine's status text ("Up 5 minutes (healthy)", "Exited (0) About an
 * hour ago") is English only; rebuild it from its parts in the user's
 * language. Anything unrecognised is shown as the engine wrote it.
 */
export function localizeStatus(status: string, t: TFunction): string {
  const up = /^Up (.+?)(?: \((Paused|healthy|unhealthy|health: starting)\))?$/.exec(status);
  if (up) {
    const duration = localizeDuration(up[1], t);
    if (duration === undefined) return status;
    const base = t('containers.status.up', { duration });
    return up[2] ? `${base} (${t(`containers.status.suffix.${suffixKey(up[2])}`)})` : base;
  }
  const ended = /^(Exited|Restarting) \((-?\d+)\) (.+) ago$/.exec(status);
  if (ended) {
    const duration = localizeDuration(ended[3], t);
    if (duration === undefined) return status;
    const key = ended[1] === 'Exited' ? 'exited' : 'restarting';
    return t(`containers.status.${key}`, { code: ended[2], duration });
  }
  if (status === 'Created') return t('containers.status.created');
  if (status === 'Dead') return t('containers.status.dead');
  if (status === 'Removal In Progress') return t('containers.status.removing');
  return status;
}

function suffixKey(suffix: string): string {
  return suffix === 'health: starting' ? 'starting' : suffix.toLowerCase();
}

const UNITS = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'];

/** Go's units.HumanDuration phrases, as the engine prints them. */
export function localizeDuration(text: string, t: TFunction): string | undefined {
  if (text === 'Less than a second') return t('containers.duration.lessThanSecond');
  if (text === 'About a minute') return t('containers.duration.aboutMinute');
  if (text === 'About an hour') return t('containers.duration.aboutHour');
  const match = /^(\d+) (second|minute|hour|day|week|month|year)s?$/.exec(text);
  if (!match || !UNITS.includes(match[2])) return undefined;
  return t(`containers.duration.${match[2]}`, { count: Number(match[1]) });
}

/** An engine state word (running, exited, created, …) in the user's language; never raw in a sentence. */
export function localizeState(state: string, t: TFunction): string {
  return t(`containers.state.${state}`, { defaultValue: state });
}
