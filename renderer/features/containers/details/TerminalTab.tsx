import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../../api/client';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { containerExec } from '../../../../electron/api/docker-commands';
import { CommandHint } from '../../../components/CommandHint';
import { focusNextControl, terminalKeyFilter } from './terminal-keys';

const SHELLS = ['sh', 'bash', 'ash', 'zsh'];

/** A shell inside the container through exec with a TTY; closing the tab ends it. */
export function TerminalTab({ id, running }: { id: string; running: boolean }) {
  const { t } = useTranslation();
  const [shell, setShell] = useState('sh');
  const [error, setError] = useState<unknown>();
  const [exit, setExit] = useState<number | null | undefined>(undefined);
  const host = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const inputLabel = t('containers.terminal.inputLabel');

  useEffect(() => {
    if (!running || !host.current) return;
    const terminal = new Terminal({
      convertEol: false,
      cursorBlink: true,
      fontSize: 13,
      theme: { background: '#000000', foreground: '#f1f5f9', cursor: '#f1f5f9' },
    });
    const fit = new FitAddon();
    terminal.loadAddon(fit);
    const box = host.current;
    terminal.attachCustomKeyEventHandler(terminalKeyFilter(() => focusNextControl(box)));
    terminal.open(host.current);
    fit.fit();
    const controller = new AbortController();
    let session: string | undefined;
    setError(undefined);
    setExit(undefined);
    const input = terminal.onData((data) => {
      if (session) void client.containers.terminalInput({ session, data }).catch(setError);
    });
    const observer = new ResizeObserver(() => {
      fit.fit();
      if (session) void client.containers.terminalResize({ session, cols: terminal.cols, rows: terminal.rows }).catch(() => undefined);
    });
    observer.observe(host.current);
    void (async () => {
      try {
        const events = await client.containers.terminal({ id, shell, cols: terminal.cols, rows: terminal.rows }, { signal: controller.signal });
        for await (const event of events) {
          if (event.kind === 'ready') {
            session = event.session;
            terminal.focus();
          } else if (event.kind === 'output') terminal.write(event.data);
          else setExit(event.code);
        }
      } catch (failure) {
        if (!controller.signal.aborted) setError(failure);
      }
    })();
    return () => {
      controller.abort();
      observer.disconnect();
      input.dispose();
      terminal.dispose();
    };
  }, [id, shell, running]);

  // After every render (so after a new terminal, and in the current language):
  // screen readers hear what xterm's input is and how to leave it.
  useEffect(() => {
    const input = host.current?.querySelector('textarea');
    input?.setAttribute('aria-label', inputLabel);
    input?.setAttribute('aria-describedby', hintId);
  });

  if (!running) return <p>{t('containers.terminal.notRunning')}</p>;
  return (
    <div className="flex h-full flex-col gap-2 text-sm">
      <label className="flex items-center gap-2">
        <span>{t('containers.terminal.shell')}</span>
        <select value={shell} onChange={(event) => setShell(event.target.value)} className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-800">
          {SHELLS.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <CommandHint command={containerExec(id, shell)} />
      {Boolean(error) && <ErrorNotice error={error} />}
      {exit !== undefined && (
        <p role="status">{exit === 126 || exit === 127 ? t('containers.terminal.noShell', { shell }) : t('containers.terminal.ended', { code: exit ?? '?' })}</p>
      )}
      <div ref={host} data-testid="terminal" className="min-h-72 flex-1 rounded-md bg-black p-1" />
      <p id={hintId} data-testid="terminal-leave-hint" className="text-xs text-slate-700 dark:text-slate-300">
        {t('containers.terminal.leaveHint')}
      </p>
    </div>
  );
}
