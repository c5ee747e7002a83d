import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { navigate } from '../../api/use-hash-route';
import { ErrorNotice } from '../../components/ErrorNotice';
import { CommandHint } from './CommandHint';
import { button, panel, primaryButton } from './ui';

/** From an image to a container: one click, or the full run form. */
export function RunImage({ reference }: { reference: string }) {
  const { t } = useTranslation();
  const quick = useMutation({
    mutationFn: () => client.containers.quickRun({ image: reference }),
    onSuccess: (created) => navigate(`#containers/${created.id}/logs`),
  });
  return (
    <section aria-labelledby="run-image-title" className={panel}>
      <h3 id="run-image-title" className="font-semibold">
        {t('images.run.title')}
      </h3>
      <p className="text-sm">{t('images.run.explain')}</p>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={primaryButton} disabled={quick.isPending} onClick={() => quick.mutate()}>
          {t('images.run.quick')}
        </button>
        <button type="button" className={button} onClick={() => navigate(`#containers/~run/${encodeURIComponent(reference)}`)}>
          {t('images.run.form')}
        </button>
      </div>
      <CommandHint command={`docker run -d -P ${reference}`} />
      {quick.isError && <ErrorNotice error={quick.error} />}
    </section>
  );
}
