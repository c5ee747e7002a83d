import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { volumeNameProblem, type VolumeSummary } from '../../../electron/api/volumes-schemas';
import { orpc } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { volumeCreate } from '../../../electron/api/docker-commands';
import { parseLabels } from './format';
import { BUTTON, CommandHint, INPUT, PanelForm, PRIMARY } from './ui';

/** The name problem to show as the user types, or undefined. */
export function useNameProblem(name: string, existing: VolumeSummary[], touched: boolean): string | undefined {
  const { t } = useTranslation();
  if (!touched && name === '') return undefined;
  const problem = volumeNameProblem(name);
  if (problem) return t(`volumes.name.${problem}`);
  if (existing.some((volume) => volume.name === name)) return t('volumes.name.taken', { name });
  return undefined;
}

export function CreateVolumeForm({ existing, onDone }: { existing: VolumeSummary[]; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [driver, setDriver] = useState('local');
  const [labelText, setLabelText] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const create = useMutation(orpc.volumes.create.mutationOptions());
  const problem = useNameProblem(name, existing, submitted);
  const parsed = parseLabels(labelText);
  const labelProblem = 'badLine' in parsed ? t('volumes.create.badLabel', { line: parsed.badLine }) : undefined;
  const labels = 'labels' in parsed ? parsed.labels : {};
  const command = volumeCreate({ name: name || t('volumes.create.namePlaceholder'), driver, labels });

  return (
    <PanelForm
      title={t('volumes.create.title')}
      onSubmit={() => {
        setSubmitted(true);
        if (volumeNameProblem(name) || problem || labelProblem) return;
        create.mutate({ name, driver: driver || 'local', labels }, { onSuccess: onDone });
      }}
    >
      <div className="flex flex-wrap gap-4">
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor={`${id}-name`}>{t('volumes.create.name')}</label>
          <input
            id={`${id}-name`}
            value={name}
            autoFocus
            onChange={(event) => setName(event.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${id}-name-help`}
            className={INPUT}
            spellCheck={false}
          />
          <span id={`${id}-name-help`} className={problem ? 'text-red-800 dark:text-red-300' : 'text-slate-700 dark:text-slate-300'} role={problem ? 'alert' : undefined}>
            {problem ?? t('volumes.create.nameHelp')}
          </span>
        </div>
        <label className="flex flex-col gap-1 text-sm">
          <span>{t('volumes.create.driver')}</span>
          <input value={driver} onChange={(event) => setDriver(event.target.value)} className={INPUT} spellCheck={false} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span>{t('volumes.create.labels')}</span>
          <textarea
            value={labelText}
            onChange={(event) => setLabelText(event.target.value)}
            rows={2}
            placeholder={t('volumes.example.labels')}
            aria-invalid={labelProblem ? true : undefined}
            className={`${INPUT} font-mono`}
          />
          {labelProblem && <span className="text-red-800 dark:text-red-300">{labelProblem}</span>}
        </label>
      </div>
      <CommandHint command={command} />
      {create.error && <ErrorNotice error={create.error} onDismiss={() => create.reset()} />}
      <div className="flex gap-2">
        <button type="submit" className={PRIMARY} disabled={create.isPending}>
          {t('volumes.create.submit')}
        </button>
        <button type="button" className={BUTTON} onClick={onDone}>
          {t('volumes.cancel')}
        </button>
      </div>
    </PanelForm>
  );
}
