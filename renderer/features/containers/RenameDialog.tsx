import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orpc } from '../../api/client';
import { containerRename } from '../../../electron/api/docker-commands';
import { CommandHint } from '../../components/CommandHint';
import { BUTTON, Dialog, PRIMARY_BUTTON } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { containerNameProblem } from './validation';

export function RenameDialog({ id, name, takenNames, onClose }: { id: string; name: string; takenNames: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(name);
  const queryClient = useQueryClient();
  const rename = useMutation(
    orpc.containers.rename.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: orpc.containers.key() });
        onClose();
      },
    }),
  );
  const problem = value === name ? undefined : containerNameProblem(value, takenNames);

  return (
    <Dialog title={t('containers.rename.title', { name })} onClose={onClose}>
      <form
        className="space-y-3 text-sm"
        onSubmit={(event) => {
          event.preventDefault();
          if (!problem && value !== name) rename.mutate({ id, name: value });
        }}
      >
        <label className="flex flex-col gap-1">
          <span>{t('containers.rename.label')}</span>
          <input
            value={value}
            onChange={(event) => setValue(event.target.value)}
            aria-invalid={Boolean(problem)}
            aria-describedby="rename-problem"
            autoFocus
            className="rounded-md border border-slate-300 bg-white px-2 py-1 font-mono dark:border-slate-700 dark:bg-slate-800"
          />
        </label>
        <p id="rename-problem" role="status" className="min-h-5 text-red-700 dark:text-red-300">
          {problem ? t(`containers.nameProblem.${problem}`) : ''}
        </p>
        <CommandHint command={containerRename(name, value || t('learn.command.newName'))} />
        {rename.isError && <ErrorNotice error={rename.error} />}
        <div className="flex justify-end gap-2">
          <button type="button" className={BUTTON} onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className={PRIMARY_BUTTON} disabled={Boolean(problem) || value === name || rename.isPending}>
            {t('containers.rename.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
