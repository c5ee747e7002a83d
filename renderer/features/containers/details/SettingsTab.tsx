import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, orpc } from '../../../api/client';
import { navigate } from '../../../api/use-hash-route';
import { useRecreatePreview } from '../../../api/use-recreate-preview';
import { containerUpdate } from '../../../../electron/api/docker-commands';
import { CommandHint } from '../../../components/CommandHint';
import { BUTTON, Dialog, PRIMARY_BUTTON } from '../../../components/Dialog';
import { EngineGap } from '../../../components/EngineGap';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useEngineSupports } from '../../../api/engine-supports';
import { formatDecimalInput } from '../../../i18n/format';
import { Field, INPUT } from '../run/form-parts';
import { draftToSpec, MIN_MEMORY, parseCpusField, parseMemoryField, type RunDraft } from '../run/run-draft';
import { EnvRows, MountRows, PortRows } from '../run/row-editors';
import type { InspectInfo } from './ContainerDetails';
import { draftFromInspect } from './settings-draft';

type Restart = 'no' | 'always' | 'unless-stopped' | 'on-failure';

/** Limits change in place; env, ports and storage need a new container, said before it happens. */
export function SettingsTab({ info }: { info: InspectInfo }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const name = info.Name.replace(/^\//, '');
  const [restart, setRestart] = useState<Restart>((info.HostConfig.RestartPolicy.Name || 'no') as Restart);
  const [cpus, setCpus] = useState(info.HostConfig.NanoCpus ? formatDecimalInput(info.HostConfig.NanoCpus / 1e9, i18n.language) : '');
  const [memory, setMemory] = useState(info.HostConfig.Memory ? String(Math.round(info.HostConfig.Memory / 1024 / 1024)) : '');
  const [draft, setDraft] = useState<RunDraft>(() => draftFromInspect(info));
  const [confirming, setConfirming] = useState(false);
  // The name as it was when the dialog opened: the recreate renames the old container mid-way.
  const [confirmName, setConfirmName] = useState(name);
  const canUpdate = useEngineSupports('containerUpdate');
  const containers = useQuery(orpc.containers.list.queryOptions({ input: { all: true } }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: orpc.containers.key() });

  const memoryBytes = memory.trim() ? parseMemoryField(memory) : null;
  const cpuValue = cpus.trim() ? parseCpusField(cpus) : null;
  const limitProblems: Record<string, string> = {};
  if (cpuValue !== null && (!Number.isFinite(cpuValue) || cpuValue < 0.01)) limitProblems.cpus = 'run.problem.cpus';
  if (memoryBytes === undefined) limitProblems.memory = 'run.problem.memoryFormat';
  else if (memoryBytes !== null && memoryBytes < MIN_MEMORY) limitProblems.memory = 'run.problem.memoryLow';
  // The engine cannot take a limit away in place: an emptied field is said, not sent.
  if (cpuValue === null && info.HostConfig.NanoCpus) limitProblems.cpus = 'settings.limitStays';
  if (memoryBytes === null && info.HostConfig.Memory) limitProblems.memory = 'settings.limitStays';
  // An empty field leaves the setting alone; the button and the command shown send the same change.
  const limits = { cpus: cpuValue ?? undefined, memory: memoryBytes ?? undefined, restart };
  const update = useMutation({
    mutationFn: () => client.containers.updateLimits({ id: info.Id, ...limits }),
    onSuccess: refresh,
  });
  const updateCommand = containerUpdate(name, limits);

  const context = useMemo(
    () => ({
      takenNames: [],
      // This container's own ports are not "in use by another".
      usedHostPorts: new Set(
        (containers.data ?? [])
          .filter((c) => c.id !== info.Id)
          .flatMap((c) => c.ports.filter((p) => p.publicPort).map((p) => `${p.hostIp}:${p.publicPort}/${p.protocol}`)),
      ),
    }),
    [containers.data, info.Id],
  );
  const { spec, problems } = draftToSpec(draft, context);
  // What the change will run, in docker words, before it happens.
  const recreatePreview = useRecreatePreview(
    confirming ? info.Id : undefined,
    spec ? (current, imageEnv) => ({ ...current, env: spec.env.filter((v) => !imageEnv.has(`${v.key}=${v.value}`)), ports: spec.ports, mounts: spec.mounts }) : undefined,
  );
  const recreate = useMutation({
    mutationFn: () => client.containers.recreate({ id: info.Id, env: spec!.env, ports: spec!.ports, mounts: spec!.mounts }),
    onSuccess: (result) => {
      setConfirming(false);
      void refresh();
      navigate(`#containers/${result.id}/summary`);
    },
  });

  return (
    <div className="max-w-4xl space-y-8 text-sm">
      <section aria-labelledby="limits-title" className="space-y-3">
        <h2 id="limits-title" className="text-lg font-semibold">{t('containers.settings.inPlace')}</h2>
        <p>{t('containers.settings.inPlaceExplain')}</p>
        {!canUpdate && <EngineGap feature="containerUpdate" name={name} />}
        <fieldset disabled={!canUpdate} className="grid gap-4 md:grid-cols-2">
          <Field id="restart" label={t('containers.run.restart')} hint={t('containers.run.restartHint')} problems={{}}>
            {(props) => (
              <select {...props} className={INPUT} value={restart} onChange={(e) => setRestart(e.target.value as Restart)}>
                {(['no', 'always', 'unless-stopped', 'on-failure'] as const).map((policy) => (
                  <option key={policy} value={policy}>{t(`containers.run.restartPolicy.${policy}`)}</option>
                ))}
              </select>
            )}
          </Field>
          <Field id="cpus" label={t('containers.run.cpus')} hint={t('containers.run.cpusHint')} problems={limitProblems}>
            {(props) => <input {...props} inputMode="decimal" className={INPUT} value={cpus} onChange={(e) => setCpus(e.target.value)} />}
          </Field>
          <Field id="memory" label={t('containers.run.memory')} hint={t('containers.run.memoryHint')} problems={limitProblems}>
            {(props) => <input {...props} className={INPUT} value={memory} onChange={(e) => setMemory(e.target.value)} />}
          </Field>
        </fieldset>
        {canUpdate && <CommandHint command={updateCommand} />}
        {update.isError && <ErrorNotice error={update.error} />}
        {update.isSuccess && <p role="status">{t('containers.settings.updated')}</p>}
        <button type="button" className={PRIMARY_BUTTON} disabled={!canUpdate || Object.keys(limitProblems).length > 0 || update.isPending} onClick={() => update.mutate()}>
          {t('containers.settings.applyInPlace')}
        </button>
      </section>

      <section aria-labelledby="recreate-title" className="space-y-3">
        <h2 id="recreate-title" className="text-lg font-semibold">{t('containers.settings.recreate')}</h2>
        <p>{t('containers.settings.recreateExplain')}</p>
        <PortRows draft={draft} setDraft={setDraft} problems={problems} />
        <EnvRows draft={draft} setDraft={setDraft} problems={problems} />
        <MountRows draft={draft} setDraft={setDraft} problems={problems} />
        <button type="button" className={PRIMARY_BUTTON} disabled={!spec}
          onClick={() => {
            setConfirmName(name);
            setConfirming(true);
          }}
        >
          {t('containers.settings.applyRecreate')}
        </button>
      </section>

      {confirming && (
        <Dialog title={t('containers.settings.confirmTitle', { name: confirmName })} onClose={() => setConfirming(false)}>
          <div className="space-y-3 text-sm">
            <p>{t('containers.settings.confirmNew')}</p>
            <p>{t('containers.settings.confirmKept')}</p>
            <p className="font-medium">{t('containers.settings.confirmLost')}</p>
            <p>{t('containers.settings.confirmSafe')}</p>
            {recreatePreview && <CommandHint command={recreatePreview} />}
            {recreate.isError && <ErrorNotice error={recreate.error} />}
            <div className="flex justify-end gap-2">
              <button type="button" className={BUTTON} onClick={() => setConfirming(false)}>{t('common.cancel')}</button>
              <button type="button" className={PRIMARY_BUTTON} disabled={recreate.isPending} onClick={() => recreate.mutate()}>
                {recreate.isPending ? t('containers.settings.recreating') : t('containers.settings.confirm', { name: confirmName })}
              </button>
            </div>
          </div>
        </Dialog>
      )}
    </div>
  );
}
