import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { HostKeyOffer } from '../../../electron/api/schemas';
import { client } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { muted, primaryButton } from '../images/ui';

/**
 * An unknown ssh server, as ssh asks the first time: its key's fingerprint,
 * and "trust" adds that very key to known_hosts (the server checks it still
 * shows it). engineId null: the engine in use now.
 */
export function HostKeyTrust({ offer, engineId, host, onTrusted }: { offer?: HostKeyOffer; engineId: string | null; host: string; onTrusted?: () => void }) {
  const { t } = useTranslation();
  const trust = useMutation({
    mutationFn: (fingerprint: string) => client.engines.trustHostKey({ id: engineId, fingerprint }),
    onSuccess: () => onTrusted?.(),
  });
  if (!offer) {
    return <p className="text-sm">{t('offline.hostKey.unreadable', { host })}</p>;
  }
  return (
    <section aria-labelledby="host-key-title" data-testid="host-key-trust" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50">
      <h3 id="host-key-title" className="font-semibold">
        {t('offline.hostKey.title')}
      </h3>
      <p>{t('offline.hostKey.intro', { host: offer.knownAs })}</p>
      <dl>
        <dt className={muted}>{t('offline.hostKey.fingerprint', { type: offer.type })}</dt>
        <dd className="break-all font-mono" data-testid="host-key-fingerprint">
          {offer.fingerprint}
        </dd>
      </dl>
      <button type="button" className={primaryButton} disabled={trust.isPending || trust.isSuccess} onClick={() => trust.mutate(offer.fingerprint)}>
        {t('offline.hostKey.trust')}
      </button>
      {trust.isPending && <p role="status">{t('offline.hostKey.trusting')}</p>}
      {trust.isSuccess && <p role="status">{t('offline.hostKey.trusted')}</p>}
      {trust.isError && <ErrorNotice error={trust.error} onDismiss={() => trust.reset()} />}
    </section>
  );
}
