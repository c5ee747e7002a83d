import { useMutation, useQuery } from '@tanstack/react-query';
import { quickRun } from '../../../electron/api/docker-commands';
import { useTranslation } from 'react-i18next';
import { client, orpc } from '../../api/client';
import { navigate } from '../../api/use-hash-route';
import { ErrorNotice } from '../../components/ErrorNotice';
import { CommandHint } from './CommandHint';
import { button, panel, primaryButton } from './ui';

/** From an image to a container: one click, or the full run form. Cais's own helper image says why it has neither. */
export function RunImage({ reference, caisOwn = false }: { reference: string; caisOwn?: boolean }) {
  const { t } = useTranslation();
  const quick = useMutation({
    mutationFn: () => client.containers.quickRun({ image: reference }),
    onSuccess: (created) => navigate(`#containers/${created.id}/logs`),
  });
  // Quick run publishes each exposed port on 127.0.0.1, to a free port the engine picks.
  const defaults = useQuery({ ...orpc.containers.imageDefaults.queryOptions({ input: { image: reference } }), enabled: !caisOwn });
  const ports = (defaults.data?.exposedPorts ?? []).map((p) => ({ containerPort: p.port, hostIp: '127.0.0.1', protocol: p.protocol }));
  return (
    <section aria-labelledby="run-image-title" className={panel}>
      <h3 id="run-image-title" className="font-semibold">
        {t('images.run.title')}
      </h3>
      {caisOwn ? (
        <p className="text-sm" data-testid="run-cais-own">
          {t('images.run.caisOwn')}
        </p>
      ) : (
        <>
          <p className="text-sm">{t('images.run.explain')}</p>
          <div className="flex flex-wrap gap-2">
            <button type="button" className={primaryButton} disabled={quick.isPending} onClick={() => quick.mutate()}>
              {t('images.run.quick')}
            </button>
            <button type="button" className={button} onClick={() => navigate(`#containers/~run/${encodeURIComponent(reference)}`)}>
              {t('images.run.form')}
            </button>
          </div>
          <CommandHint command={quickRun(reference, undefined, ports)} />
          {quick.isError && <ErrorNotice error={quick.error} />}
        </>
      )}
    </section>
  );
}
