import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';

interface ErrorData {
  problem?: string;
  /** Pull and push failures name the registry, and the user Cais logged in as there, if any. */
  registry?: string;
  username?: string;
}

/** An images error: the shared notice, plus what exactly is wrong with an invalid name, or what to do about a login. */
export function ImageError({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  const { t, i18n } = useTranslation();
  const code = (error as { code?: string } | null)?.code;
  const data = ((error ?? {}) as { data?: ErrorData }).data ?? {};
  let more: string | undefined;
  if (data.problem && i18n.exists(`images.problem.${data.problem}`)) more = t(`images.problem.${data.problem}`);
  else if (data.registry && code === 'UNAUTHORIZED') {
    more = data.username
      ? t('images.registries.refusedAs', { registry: data.registry, username: data.username })
      : t('images.registries.loginFirst', { registry: data.registry });
  } else if (data.registry && code === 'IMAGE_NOT_FOUND') {
    more = data.username ? t('images.registries.notFoundAs', { registry: data.registry, username: data.username }) : t('images.registries.notFound', { registry: data.registry });
  }
  const sentence = data.registry && code === 'IMAGE_NOT_FOUND' ? t('images.registries.noSuchImage') : undefined;
  return <ErrorNotice error={error} onDismiss={onDismiss} more={more} sentence={sentence} />;
}
