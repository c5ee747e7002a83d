import { useQuery } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerAnatomy } from '../../../electron/api/anatomy-contract';
import { orpc } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Term, type GlossaryWord } from '../glossary/Term';
import { formatBinary } from './format-binary';
import { formatNumber, formatPercent } from '../../i18n/format';
import { Breakable, WRAP_WORDS } from '../../components/Breakable';

const part = 'space-y-2 rounded-lg border border-slate-200 p-4 dark:border-slate-700';
const note = 'text-sm text-slate-700 dark:text-slate-300';
const mono = 'font-mono text-xs break-all';

function Part({ id, word, children }: { id: string; word?: GlossaryWord; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`anatomy-${id}`} className={part} data-part={id}>
      <h2 id={`anatomy-${id}`} className="font-semibold">
        {word ? <Term word={word}>{t(`learn.anatomy.${id}.title`)}</Term> : t(`learn.anatomy.${id}.title`)}
      </h2>
      <p className={note}>{t(`learn.anatomy.${id}.explain`)}</p>
      {children}
    </section>
  );
}

/** What the container is made of, each part with a learner's note. */
export function AnatomyTab({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useQuery({ ...orpc.anatomy.ofContainer.queryOptions({ input: { id } }), staleTime: 0 });
  if (query.isError) return <ErrorNotice error={query.error} />;
  if (!query.data) return <p aria-busy="true">{t('learn.anatomy.loading')}</p>;
  const a = query.data;
  return (
    <div className="space-y-4 overflow-auto pb-6" data-testid="anatomy">
      <div className="flex items-center justify-between gap-3">
        <p className={note}>{t('learn.anatomy.intro')}</p>
        <button type="button" onClick={() => void query.refetch()} className="rounded-md border border-slate-300 px-3 py-1 text-sm dark:border-slate-600">
          {t('learn.anatomy.refresh')}
        </button>
      </div>
      {!a.running && <p className="rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">{t('learn.anatomy.notRunning')}</p>}
      <Part id="process" word="container">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 text-sm">
          <dt>{t('learn.anatomy.process.pid')}</dt>
          <dd className="font-mono" data-testid="host-pid">{a.running ? a.hostPid : '—'}</dd>
          <dt>{t('learn.anatomy.process.hostname')}</dt>
          <dd className="font-mono">{a.hostname}</dd>
        </dl>
      </Part>
      <Namespaces anatomy={a} />
      <Limits anatomy={a} />
      <Layers anatomy={a} />
      <Part id="mounts" word="volume">
        {a.mounts.length === 0 ? (
          <p className="text-sm">{t('learn.anatomy.mounts.none')}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {a.mounts.map((mount) => (
              <li key={mount.destination}>
                <span className="font-medium">{t(`learn.anatomy.mounts.type.${mount.type}`, { defaultValue: mount.type })}</span>{' '}
                <span className={mono}>
                  {mount.destination} ← {mount.type === 'volume' ? `${mount.name} (${mount.source})` : mount.source || 'tmpfs'}
                </span>{' '}
                {mount.readWrite ? '' : t('learn.anatomy.mounts.readOnly')}
              </li>
            ))}
          </ul>
        )}
        <p className={note}>{t(a.hostView === 'local' ? 'learn.anatomy.mounts.local' : 'learn.anatomy.mounts.vm')}</p>
      </Part>
      <Part id="network" word="port">
        <p className="text-sm">{t('learn.anatomy.network.mode', { mode: a.network.mode })}</p>
        <ul className="text-sm">
          {a.network.networks.map((net) => (
            <li key={net.name} className={mono}>
              {t('learn.anatomy.network.address', { network: net.name, ip: net.ipAddress || '—', gateway: net.gateway || '—' })}
            </li>
          ))}
        </ul>
        {a.network.ports.length === 0 ? (
          <p className="text-sm">{t('learn.anatomy.network.noPorts')}</p>
        ) : (
          <ul className="text-sm">
            {a.network.ports.map((port) => (
              <li key={`${port.hostIp}:${port.hostPort}`} className={mono}>
                {port.hostIp}:{port.hostPort} → {port.container}
              </li>
            ))}
          </ul>
        )}
      </Part>
    </div>
  );
}

function Namespaces({ anatomy }: { anatomy: ContainerAnatomy }) {
  const { t } = useTranslation();
  return (
    <Part id="namespaces" word="namespace">
      {anatomy.hostView === 'local' ? (
        <table className="text-sm">
          <thead>
            <tr className="text-left">
              <th className="pr-4">{t('learn.anatomy.namespaces.kind')}</th>
              <th className="pr-4">{t('learn.anatomy.namespaces.id')}</th>
              <th>{t('learn.anatomy.namespaces.own')}</th>
            </tr>
          </thead>
          <tbody>
            {anatomy.namespaces.map((ns) => (
              <tr key={ns.kind} data-ns={ns.kind} data-id={ns.id}>
                <td className="pr-4">{t(`learn.anatomy.namespaces.kinds.${ns.kind}`)}</td>
                <td className={`pr-4 ${mono}`}>{ns.id}</td>
                <td>{ns.sharedWithHost ? t('learn.anatomy.namespaces.shared') : t('learn.anatomy.namespaces.private')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm">{t(anatomy.running ? 'learn.anatomy.namespaces.elsewhere' : 'learn.anatomy.namespaces.stopped')}</p>
      )}
    </Part>
  );
}

function Limits({ anatomy }: { anatomy: ContainerAnatomy }) {
  const { t, i18n } = useTranslation();
  const { limits } = anatomy;
  const none = t('learn.anatomy.limits.none');
  return (
    <Part id="limits" word="cgroup">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 text-sm">
        <dt>{t('learn.anatomy.limits.memory')}</dt>
        <dd data-testid="memory-limit" data-bytes={limits.memoryBytes}>
          {limits.memoryBytes ? formatBinary(limits.memoryBytes, i18n.language) : none}
          {limits.memoryUsage !== undefined && ` · ${t('learn.anatomy.limits.using', { value: formatBinary(limits.memoryUsage, i18n.language) })}`}
        </dd>
        <dt>{t('learn.anatomy.limits.cpu')}</dt>
        <dd>
          {limits.cpus ? t('learn.anatomy.limits.cpus', { count: limits.cpus, cpus: formatNumber(limits.cpus, i18n.language) }) : none}
          {limits.cpuPercent !== undefined && ` · ${t('learn.anatomy.limits.using', { value: formatPercent(limits.cpuPercent, i18n.language) })}`}
        </dd>
        <dt>{t('learn.anatomy.limits.pids')}</dt>
        <dd>
          {limits.pidsLimit || none}
          {limits.pids !== undefined && ` · ${t('learn.anatomy.limits.using', { value: limits.pids })}`}
        </dd>
        {anatomy.cgroupPath && (
          <>
            <dt>{t('learn.anatomy.limits.path')}</dt>
            <dd className={mono}>{anatomy.cgroupPath}</dd>
          </>
        )}
      </dl>
    </Part>
  );
}

function Layers({ anatomy }: { anatomy: ContainerAnatomy }) {
  const { t, i18n } = useTranslation();
  const { storage } = anatomy;
  // The rows are the image's history (instructions); the Images page counts filesystem layers: say both.
  const imageLayers = useQuery({ ...orpc.images.layers.queryOptions({ input: { reference: storage.image } }), retry: false });
  const layersId = useId();
  const changesId = useId();
  return (
    <Part id="layers" word="layer">
      <h3 id={layersId} className="text-sm font-medium" data-testid="anatomy-layers-title">
        {t('learn.anatomy.layers.readOnly', { image: storage.image, count: storage.layers.length })}
        {imageLayers.data && ` ${t('learn.anatomy.layers.filesystem', { count: imageLayers.data.layerCount })}`}
      </h3>
      <ol tabIndex={0} aria-labelledby={layersId} className="max-h-40 list-decimal overflow-auto pl-6 text-xs">
        {storage.layers.map((layer, index) => (
          <li key={index} className={`${WRAP_WORDS} font-mono`}>
            <Breakable text={layer.createdBy || '—'} /> · {formatBinary(layer.size, i18n.language)}
          </li>
        ))}
      </ol>
      <h3 id={changesId} className="text-sm font-medium">{t('learn.anatomy.layers.writable', { driver: storage.driver })}</h3>
      {storage.writableDir && <p className={mono}>{storage.writableDir}</p>}
      <p className={note}>{t('learn.anatomy.layers.diff')}</p>
      {storage.changes.length === 0 ? (
        <p className="text-sm">{t('learn.anatomy.layers.noChanges')}</p>
      ) : (
        <ul tabIndex={0} aria-labelledby={changesId} className="max-h-48 overflow-auto text-xs" data-testid="changes">
          {storage.changes.map((change) => (
            <li key={change.path} data-path={change.path} data-kind={change.kind} className="font-mono">
              <span aria-hidden="true">{change.kind === 'added' ? 'A' : change.kind === 'deleted' ? 'D' : 'C'} </span>
              <span className="sr-only">{t(`learn.anatomy.layers.kind.${change.kind}`)}: </span>
              {change.path}
            </li>
          ))}
        </ul>
      )}
      {storage.changesTruncated && <p className={note}>{t('learn.anatomy.layers.truncated')}</p>}
    </Part>
  );
}
