import { ClosablePanel } from './ClosablePanel';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { initialBuild, reduceBuild } from './build';
import { CommandHint } from './CommandHint';
import { formatBytes } from './format';
import { ImageError } from './ImageError';
import { button, input, muted, primaryButton } from './ui';
import { useActionStream } from '../../api/use-action-stream';
import { imageBuild } from '../../../electron/api/docker-commands';

function parseBuildArgs(text: string): { name: string; value: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const eq = line.indexOf('=');
      return eq === -1 ? { name: line, value: '' } : { name: line.slice(0, eq), value: line.slice(eq + 1) };
    });
}

/** `docker build` from a folder on this machine: live log step by step, the failing step with its line. */
export function BuildPanel({ onClose, onBuilt }: { onClose: () => void; onBuilt: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const [context, setContext] = useState('');
  const [dockerfile, setDockerfile] = useState('Dockerfile');
  const [tag, setTag] = useState('');
  const [args, setArgs] = useState('');
  const build = useActionStream(
    (request: Parameters<typeof client.images.build>[0], signal) => client.images.build(request, { signal }),
    reduceBuild,
    initialBuild,
    (request) => t('images.build.running', { context: request.context }),
  );
  const log = useRef<HTMLDivElement>(null);
  const { value, status } = build;
  const lineCount = value.steps.reduce((sum, step) => sum + step.output.length + 1, 0);

  useEffect(() => {
    log.current?.scrollTo({ top: log.current.scrollHeight });
  }, [lineCount]);

  const argList = parseBuildArgs(args);
  const command = imageBuild({ context: context.trim() || 'FOLDER', dockerfile, tag: tag.trim(), buildArgs: argList });

  return (
    <ClosablePanel id="build" title={t('images.build.title')} onClose={onClose}>
      <form
        className="grid gap-2 md:grid-cols-2"
        onSubmit={async (event) => {
          event.preventDefault();
          const result = await build.start({ context: context.trim(), dockerfile: dockerfile.trim() || 'Dockerfile', tag: tag.trim() || undefined, buildArgs: argList });
          if (result?.done) onBuilt(result.done.tag ?? result.done.id);
        }}
      >
        <label className="flex flex-col gap-1 text-sm md:col-span-2">
          {t('images.build.context')}
          <input className={input} value={context} onChange={(e) => setContext(e.target.value)} placeholder={t('images.example.context')} required spellCheck={false} />
          <span className={muted}>{t('images.build.contextHelp')}</span>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t('images.build.dockerfile')}
          <input className={input} value={dockerfile} onChange={(e) => setDockerfile(e.target.value)} spellCheck={false} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t('images.build.tag')}
          <input className={input} value={tag} onChange={(e) => setTag(e.target.value)} placeholder={t('images.example.tag')} spellCheck={false} />
        </label>
        <label className="flex flex-col gap-1 text-sm md:col-span-2">
          {t('images.build.args')}
          <textarea className={`${input} font-mono`} rows={2} value={args} onChange={(e) => setArgs(e.target.value)} placeholder={t('images.example.buildArgs')} spellCheck={false} />
        </label>
        <div className="flex gap-2 md:col-span-2">
          <button type="submit" className={primaryButton} disabled={status === 'running'}>
            {t('images.build.start')}
          </button>
          {status === 'running' && (
            <button type="button" className={button} onClick={build.cancel}>
              {t('images.cancel')}
            </button>
          )}
        </div>
      </form>
      <CommandHint command={command} />
      {value.context && (
        <p className={muted} data-testid="build-context">
          {t('images.build.sent', { count: value.context.files, size: formatBytes(value.context.bytes, i18n.language), ignored: value.context.ignored })}
        </p>
      )}
      {value.failed && (
        <div role="alert" data-testid="build-failed" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          <p className="font-medium">
            {value.failed.step !== undefined
              ? t('images.build.failedStep', { step: value.failed.step, line: value.failed.line ?? '?', instruction: value.failed.instruction ?? '' })
              : value.failed.line !== undefined
                ? t('images.build.failedLine', { line: value.failed.line })
                : t('images.build.failed')}
          </p>
          <pre className="mt-1 whitespace-pre-wrap break-all font-mono text-xs">{value.failed.message}</pre>
        </div>
      )}
      {value.done && (
        <p role="status" className="text-sm font-medium text-emerald-800 dark:text-emerald-300">
          {t('images.build.done', { name: value.done.tag ?? value.done.id })}
        </p>
      )}
      {status === 'cancelled' && <p role="status">{t('images.build.cancelled')}</p>}
      {status === 'failed' && <ImageError error={build.error} />}
      {(value.steps.length > 0 || value.preamble.length > 0) && (
        <div ref={log} role="log" aria-label={t('images.build.log')} tabIndex={0} data-testid="build-log" className="max-h-80 overflow-auto rounded-md bg-slate-950 p-3 font-mono text-xs text-slate-100">
          {value.preamble.map((text, i) => (
            <div key={`p${i}`}>{text}</div>
          ))}
          {value.steps.map((step) => {
            const failed = value.failed?.step === step.index;
            return (
              <div key={step.index} data-testid="build-step" data-step={step.index} data-failed={failed || undefined} className={failed ? 'rounded bg-red-900/60' : ''}>
                <div className="font-bold text-sky-300">
                  {t('images.build.step', { index: step.index, total: step.total })}
                  {step.line !== undefined && ` · ${t('images.build.line', { line: step.line })}`} — {step.instruction}
                </div>
                {step.output.map((text, i) => (
                  <div key={i} className="whitespace-pre-wrap break-all">
                    {text}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      )}
    </ClosablePanel>
  );
}
