/**
 * Why a stopped container stopped, from what the engine records: its exit
 * code, whether the kernel killed it for memory (State.OOMKilled), and the
 * command it ran. One pure function, so the list's row, the details page and
 * a quick run say the same thing.
 */
export type ExitReason = 'finished' | 'shellNoInput' | 'outOfMemory' | 'killed' | 'killedByStop' | 'killedByKill' | 'terminated' | 'notRunnable' | 'notFound' | 'error';

export interface ExitFacts {
  exitCode: number;
  /** Only the details page knows; the list does not carry it. */
  oomKilled?: boolean;
  /** Entrypoint then Cmd, as the engine ran them; unknown in the list. */
  command?: string[];
  tty?: boolean;
  openStdin?: boolean;
  /** Who sent the SIGKILL, when the engine's events still say (see killedBy). */
  killedBy?: 'stop' | 'kill';
}

export interface ExitExplanation {
  reason: ExitReason;
  code: number;
  /** Offer the run form with a command that keeps running. */
  offerKeepRunning: boolean;
  /** The program's own last words say more than the code does. */
  showLogs: boolean;
}

const SHELLS = new Set(['sh', 'ash', 'bash', 'dash', 'zsh', 'ksh', 'mksh', 'fish']);

/** A bare shell (`sh`, `/bin/bash`, `bash -l`): with no terminal and no input it reads nothing and exits at once. */
export function isBareShell(command: string[] | undefined): boolean {
  if (!command || command.length === 0) return false;
  const [program, ...args] = command;
  const name = program.split('/').pop() ?? '';
  // Flags like -l or -i still leave the shell reading commands from an empty input; -c runs a script.
  return SHELLS.has(name) && args.every((arg) => arg.startsWith('-') && arg !== '-c');
}

export function explainExit(facts: ExitFacts): ExitExplanation {
  const { exitCode: code } = facts;
  const result = (reason: ExitReason, extra: Partial<ExitExplanation> = {}): ExitExplanation => ({
    reason,
    code,
    offerKeepRunning: false,
    showLogs: false,
    ...extra,
  });
  // The engine's word beats the code: an out-of-memory kill is also 137.
  if (facts.oomKilled) return result('outOfMemory');
  if (code === 0) {
    const waitsForNothing = isBareShell(facts.command) && !facts.tty && !facts.openStdin;
    return waitsForNothing ? result('shellNoInput', { offerKeepRunning: true }) : result('finished');
  }
  if (code === 137) return result(facts.killedBy === 'stop' ? 'killedByStop' : facts.killedBy === 'kill' ? 'killedByKill' : 'killed');
  if (code === 143) return result('terminated');
  if (code === 126) return result('notRunnable', { showLogs: true });
  if (code === 127) return result('notFound', { showLogs: true });
  return result('error', { showLogs: true });
}

/** The exit code in the engine's status text ("Exited (137) 2 minutes ago"), when it has one. */
export function exitCodeOfStatus(status: string): number | undefined {
  const match = /^Exited \((-?\d+)\)/.exec(status);
  return match ? Number(match[1]) : undefined;
}

/** The command that keeps a container running without a terminal: offered in the run form. */
export const KEEP_RUNNING_COMMAND = 'sleep infinity';

const SIGKILL = new Set(['9', 'KILL', 'SIGKILL']);

/**
 * Who sent a SIGKILL, from the engine's events of the run: Stop sends
 * SIGTERM, then SIGKILL when the grace period runs out, then says "stop";
 * Kill sends SIGKILL alone. Unknown when the events are gone.
 */
export function killedBy(events: readonly { action: string; signal?: string }[]): 'stop' | 'kill' | undefined {
  const sigkill = events.some((event) => event.action === 'kill' && SIGKILL.has(event.signal?.toUpperCase() ?? ''));
  if (!sigkill) return undefined;
  return events.some((event) => event.action === 'stop') ? 'stop' : 'kill';
}
