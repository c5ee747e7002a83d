import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client, orpc } from '../../../api/client';
import { navigate } from '../../../api/use-hash-route';
import { BUTTON, PRIMARY_BUTTON } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { PullPanel } from '../../images/PullPanel';
import { buildDockerRun, parseDockerRun } from '../../../../electron/api/docker-run-command';
import { parseEnvFile } from './env-file';
import { Field, INPUT, Rows } from './form-parts';
import { EnvRows, MountRows, PortRows } from './row-editors';
import { FilePicker } from '../../../components/FilePicker';
import { draftToSpec, EMPTY_DRAFT, specToDraft, visibleProblems, type RunDraft } from './run-draft';
import { CommandHint } from '../../../components/CommandHint';
import { leftOutRisks, networkRisk, risksKey, specRisks, type RootRisk } from '../../../../electron/api/root-risks';
import { RiskConfirm, RiskList, useRiskText, WARNING_TEXT } from '../../../components/RootRisks';

/** The run form: every field validated as you type, the docker run command beside it. */
export function RunPage({ initialImage, initialCommand = '' }: { initialImage: string; initialCommand?: string }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<RunDraft>({ ...EMPTY_DRAFT, image: initialImage, command: initialCommand });
  const [pasted, setPasted] = useState('');
  const [pulling, setPulling] = useState(false);
  const [pasteResult, setPasteResult] = useState<{ unsupported: string[]; leftOut: RootRisk[] } | { error: string }>();
  /** The set of root-equivalent settings the user confirmed; a new or changed one needs a new tick. */
  const [acceptedRisks, setAcceptedRisks] = useState<string>();
  const [triedWithoutTick, setTriedWithoutTick] = useState(false);
  const riskText = useRiskText();
  const containers = useQuery(orpc.containers.list.queryOptions({ input: { all: true } }));
  const context = useMemo(
    () => ({
      takenNames: (containers.data ?? []).map((c) => c.name),
      usedHostPorts: new Set((containers.data ?? []).flatMap((c) => c.ports.filter((p) => p.publicPort).map((p) => `${p.hostIp}:${p.publicPort}/${p.protocol}`))),
    }),
    [containers.data],
  );
  const { spec, problems: allProblems } = draftToSpec(draft, context);
  // Fields the person has left (ids without "run-"): only there is an empty required field an error.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const problems = visibleProblems(allProblems, touched);
  // Classified from the draft, not the spec, so a warning shows as soon as the field says it.
  const risks = specRisks(draft);
  const risksAccepted = risks.length === 0 || acceptedRisks === risksKey(risks);
  const networkCode = networkRisk(draft.network);
  const imageOk = !allProblems.image;
  const defaults = useQuery({ ...orpc.containers.imageDefaults.queryOptions({ input: { image: draft.image.trim() } }), enabled: imageOk, retry: false });
  const go = (id: string) => navigate(`#containers/${id}/logs`);
  const run = useMutation({ mutationFn: () => client.containers.run(spec!), onSuccess: (created) => go(created.id) });
  const quick = useMutation({ mutationFn: () => client.containers.quickRun({ image: draft.image.trim() }), onSuccess: (created) => go(created.id) });
  const set = (patch: Partial<RunDraft>) => setDraft((current) => ({ ...current, ...patch }));

  const applyPaste = () => {
    try {
      const parsed = parseDockerRun(pasted);
      setDraft(specToDraft(parsed.spec));
      setPasteResult({ unsupported: parsed.unsupported, leftOut: leftOutRisks(parsed.unsupported) });
    } catch (error) {
      setPasteResult({ error: (error as Error).message });
    }
  };
  const importEnv = async (file: File | undefined) => {
    if (file) set({ env: [...draft.env, ...parseEnvFile(await file.text())] });
  };
  const suggested = (defaults.data?.exposedPorts ?? []).filter((p) => !draft.ports.some((row) => row.containerPort === String(p.port)));

  return (
    <section aria-labelledby="run-title" className="grid gap-6 p-6 xl:grid-cols-[1fr_24rem]">
      <form
        className="space-y-4 text-sm"
        onSubmit={(event) => {
          event.preventDefault();
          if (!risksAccepted) setTriedWithoutTick(true);
          else if (spec) run.mutate();
        }}
        noValidate
        onBlur={(event) => {
          const field = event.target.id.replace(/^run-/, '');
          if (event.target.id.startsWith('run-') && !touched.has(field)) setTouched(new Set([...touched, field]));
        }}
      >
        <a href="#containers" className="text-sky-800 underline dark:text-sky-300">← {t('containers.details.back')}</a>
        <h1 id="run-title" className="text-2xl font-semibold">{t('containers.run.title')}</h1>
        <div className="grid gap-4 md:grid-cols-2">
          <Field id="image" term="image" label={t('containers.run.image')} hint={t('containers.run.imageHint')} problems={problems}>
            {(props) => <input {...props} className={INPUT} value={draft.image} onChange={(e) => set({ image: e.target.value })} />}
          </Field>
          <Field id="name" label={t('containers.run.name')} hint={t('containers.run.nameHint')} problems={problems}>
            {(props) => <input {...props} className={INPUT} value={draft.name} onChange={(e) => set({ name: e.target.value })} />}
          </Field>
          <Field id="command" label={t('containers.run.command')} hint={defaults.data ? t('containers.run.commandDefault', { command: defaults.data.command.join(' ') || '—' }) : undefined} problems={problems}>
            {(props) => <input {...props} className={`${INPUT} font-mono`} value={draft.command} onChange={(e) => set({ command: e.target.value })} />}
          </Field>
          <Field id="entrypoint" label={t('containers.run.entrypoint')} hint={t('containers.run.entrypointHint')} problems={problems}>
            {(props) => <input {...props} className={`${INPUT} font-mono`} value={draft.entrypoint} onChange={(e) => set({ entrypoint: e.target.value })} />}
          </Field>
        </div>
        {imageOk && defaults.isError && <ErrorNotice error={defaults.error} />}
        {imageOk && defaults.isError && !pulling && (
          <button type="button" className={BUTTON} onClick={() => setPulling(true)}>
            {t('containers.run.pull', { image: draft.image.trim() })}
          </button>
        )}
        {imageOk && pulling && !defaults.isSuccess && (
          <PullPanel
            initial={{ reference: draft.image.trim(), start: true }}
            onClose={() => {
              setPulling(false);
              void defaults.refetch();
            }}
          />
        )}

        <PortRows draft={draft} setDraft={setDraft} problems={problems} />
        {suggested.length > 0 && (
          <p className="flex flex-wrap items-center gap-2">
            {t('containers.run.exposes')}
            {suggested.map((p) => (
              <button key={`${p.port}/${p.protocol}`} type="button" className={BUTTON} onClick={() => set({ ports: [...draft.ports, { containerPort: String(p.port), hostPort: '', hostIp: '127.0.0.1', protocol: p.protocol }] })}>
                + {p.port}/{p.protocol}
              </button>
            ))}
          </p>
        )}

        <EnvRows draft={draft} setDraft={setDraft} problems={problems} />
        <FilePicker choose={t('containers.run.importEnv')} accept=".env,text/plain" showFileName={false} onFile={(file) => void importEnv(file)} />

        <MountRows draft={draft} setDraft={setDraft} problems={problems} />

        {/* Two columns: the restart policy's longest choice ("A menos que eu tenha parado") fits whole. */}
        <div className="grid gap-4 md:grid-cols-2">
          <Field id="restart" label={t('containers.run.restart')} hint={t('containers.run.restartHint')} problems={problems}>
            {(props) => (
              <select {...props} className={INPUT} value={draft.restart} onChange={(e) => set({ restart: e.target.value as RunDraft['restart'] })}>
                {(['no', 'always', 'unless-stopped', 'on-failure'] as const).map((policy) => (
                  <option key={policy} value={policy}>{t(`containers.run.restartPolicy.${policy}`)}</option>
                ))}
              </select>
            )}
          </Field>
          <Field id="cpus" term="cgroup" label={t('containers.run.cpus')} hint={t('containers.run.cpusHint')} problems={problems}>
            {(props) => <input {...props} inputMode="decimal" className={INPUT} value={draft.cpus} onChange={(e) => set({ cpus: e.target.value })} />}
          </Field>
          <Field id="memory" term="cgroup" label={t('containers.run.memory')} hint={t('containers.run.memoryHint')} problems={problems}>
            {(props) => <input {...props} className={INPUT} value={draft.memory} onChange={(e) => set({ memory: e.target.value })} />}
          </Field>
          <Field id="network" term="namespace" label={t('containers.run.network')} hint={t('containers.run.networkHint')} warning={networkCode ? riskText({ code: networkCode, subject: draft.network.trim() }) : undefined} problems={problems}>
            {(props) => <input {...props} className={INPUT} value={draft.network} onChange={(e) => set({ network: e.target.value })} />}
          </Field>
          <label className="mt-7 flex items-center gap-2">
            <input type="checkbox" className="size-4" checked={draft.tty} onChange={(e) => set({ tty: e.target.checked })} />
            {t('containers.run.tty')}
          </label>
        </div>

        <Rows title={t('containers.run.labels')} items={draft.labels} onChange={(labels) => set({ labels })} blank={{ key: '', value: '' }} addLabel={t('containers.run.addLabel')}>
          {(row, index, update) => (
            <>
              <Field id={`labels.${index}.key`} label={t('containers.run.labelKey')} problems={problems}>
                {(props) => <input {...props} className={`${INPUT} font-mono`} value={row.key} onChange={(e) => update({ key: e.target.value })} />}
              </Field>
              <Field id={`labels.${index}.value`} label={t('containers.run.labelValue')} problems={problems}>
                {(props) => <input {...props} className={`${INPUT} font-mono`} value={row.value} onChange={(e) => update({ value: e.target.value })} />}
              </Field>
            </>
          )}
        </Rows>

        {risks.length > 0 && (
          <RiskConfirm
            risks={risks}
            accepted={risksAccepted}
            showNeeded={triedWithoutTick}
            onAccept={(accepted) => setAcceptedRisks(accepted ? risksKey(risks) : undefined)}
          />
        )}
        {run.isError && <ErrorNotice error={run.error} />}
        {quick.isError && <ErrorNotice error={quick.error} />}
        <div className="flex gap-2">
          <button type="submit" className={PRIMARY_BUTTON} disabled={!spec || run.isPending}>{run.isPending ? t('containers.run.running') : t('containers.run.submit')}</button>
          <button type="button" className={BUTTON} disabled={!imageOk || quick.isPending} onClick={() => quick.mutate()}>{t('containers.run.quick')}</button>
        </div>
      </form>

      <aside className="space-y-4 text-sm">
        <div className="space-y-2">
          <h2 className="font-semibold">{t('containers.run.equivalent')}</h2>
          <div data-testid="docker-run-preview">{spec ? <CommandHint command={buildDockerRun(spec)} /> : <p>{t('containers.run.fixFirst')}</p>}</div>
        </div>
        <div className="space-y-2">
          <label htmlFor="run-paste" className="font-semibold">{t('containers.run.paste')}</label>
          <textarea id="run-paste" rows={4} className={`${INPUT} font-mono text-xs`} value={pasted} onChange={(e) => setPasted(e.target.value)} placeholder={t('containers.run.example.paste')} />
          <button type="button" className={BUTTON} disabled={!pasted.trim()} onClick={applyPaste}>{t('containers.run.fill')}</button>
          {pasteResult && 'error' in pasteResult && <p role="alert" className="text-red-700 dark:text-red-300">{t('containers.run.pasteError', { reason: pasteResult.error })}</p>}
          {pasteResult && 'unsupported' in pasteResult && (
            <p role="status">{pasteResult.unsupported.length ? t('containers.run.unsupported', { flags: pasteResult.unsupported.join(', ') }) : t('containers.run.filled')}</p>
          )}
          {pasteResult && 'leftOut' in pasteResult && pasteResult.leftOut.length > 0 && (
            <div className={`space-y-1 ${WARNING_TEXT}`} data-testid="paste-left-out">
              <RiskList risks={pasteResult.leftOut} leftOut />
              <p>{t('rootRisk.leftOutNote')}</p>
            </div>
          )}
        </div>
      </aside>
    </section>
  );
}
