import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { orpc } from '../../../api/client';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { LazyPart, lazyPart } from '../../../components/Loading';
import { LogsTab } from './LogsTab';
import { SummaryTab } from './SummaryTab';
import { ContainerHeader } from './ContainerHeader';
import { ExitExplanationPanel } from './ExitExplanationPanel';

// The terminal (xterm.js), the charts and the rarer tabs load when first opened.
const TerminalTab = lazyPart(async () => (await import('./TerminalTab')).TerminalTab);
const StatsTab = lazyPart(async () => (await import('./StatsTab')).StatsTab);
const AnatomyTab = lazyPart(async () => (await import('../../anatomy/AnatomyTab')).AnatomyTab);
const SettingsTab = lazyPart(async () => (await import('./SettingsTab')).SettingsTab);
const InspectTab = lazyPart(async () => (await import('./InspectTab')).InspectTab);

export const TABS = ['summary', 'logs', 'terminal', 'stats', 'anatomy', 'settings', 'inspect'] as const;
export type Tab = (typeof TABS)[number];

export interface InspectInfo {
  Id: string;
  Name: string;
  Created: string;
  Config: { Image: string; Cmd: string[] | null; Entrypoint: string[] | null; Env: string[] | null; Tty: boolean; OpenStdin?: boolean };
  State: { Status: string; Running: boolean; ExitCode: number; OOMKilled?: boolean; StartedAt: string; FinishedAt: string; Pid: number };
  HostConfig: {
    Memory: number;
    NanoCpus: number;
    RestartPolicy: { Name: string };
    PortBindings: Record<string, { HostIp: string; HostPort: string }[] | null> | null;
    Mounts?: { Type: string; Target?: string; ReadOnly?: boolean }[] | null;
    Tmpfs?: Record<string, string> | null;
  };
  Mounts: { Type: string; Name?: string; Source: string; Destination: string; RW: boolean }[];
  NetworkSettings: { Ports: Record<string, { HostIp: string; HostPort: string }[] | null> | null };
}

/** Stopped, or never got going: a start that failed leaves it created, with the code its command got (127, 126). */
function hasEnded(info: InspectInfo): boolean {
  return ['exited', 'dead'].includes(info.State.Status) || (info.State.Status === 'created' && info.State.ExitCode !== 0);
}

/** One container in tabs; each tab's streams live only while it is shown. */
export function ContainerDetails({ id, tab }: { id: string; tab: Tab }) {
  const { t } = useTranslation();
  const inspect = useQuery(orpc.containers.inspect.queryOptions({ input: { id } }));
  const info = inspect.data as InspectInfo | undefined;
  const name = info?.Name.replace(/^\//, '') ?? id.slice(0, 12);

  return (
    <section aria-labelledby="details-title" className="flex h-full flex-col gap-4 p-6">
      <a href="#containers" className="text-sm text-sky-800 underline dark:text-sky-300">
        ← {t('containers.details.back')}
      </a>
      <ContainerHeader id={id} name={name} state={info?.State.Status} failed={inspect.isError} />
      {info && !inspect.isError && hasEnded(info) && <ExitExplanationPanel info={info} />}
      {inspect.isError && <ErrorNotice error={inspect.error} />}
      <nav role="tablist" aria-label={t('containers.details.tabs')} className="flex gap-1 border-b border-slate-200 dark:border-slate-800">
        {TABS.map((candidate) => (
          <a
            key={candidate}
            role="tab"
            aria-selected={candidate === tab}
            href={`#containers/${encodeURIComponent(id)}/${candidate}`}
            className={
              candidate === tab
                ? '-mb-px border-b-2 border-sky-700 px-3 py-2 font-medium text-sky-900 dark:border-sky-400 dark:text-sky-100'
                : 'px-3 py-2 text-slate-700 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white'
            }
          >
            {t(`containers.details.tab.${candidate}`)}
          </a>
        ))}
      </nav>
      <div role="tabpanel" aria-label={t(`containers.details.tab.${tab}`)} className="min-h-0 flex-1">
        {info && tab === 'summary' && <SummaryTab info={info} />}
        {tab === 'logs' && <LogsTab id={id} name={name} />}
        <LazyPart>
          {info && tab === 'terminal' && <TerminalTab id={id} running={info.State.Running} />}
          {info && tab === 'stats' && <StatsTab id={id} running={info.State.Running} />}
          {info && tab === 'anatomy' && <AnatomyTab id={id} />}
          {info && tab === 'settings' && <SettingsTab info={info} />}
          {info && tab === 'inspect' && <InspectTab info={info as unknown as Record<string, unknown>} />}
        </LazyPart>
      </div>
    </section>
  );
}
