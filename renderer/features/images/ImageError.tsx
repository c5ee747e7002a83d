import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';

/** An images error: the shared notice, plus what exactly is wrong with an invalid name. */
export function ImageError({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  const { t, i18n } = useTranslation();
  const problem = ((error ?? {}) as { data?: { problem?: string } }).data?.problem;
  const more = problem && i18n.exists(`images.problem.${problem}`) ? t(`images.problem.${problem}`) : undefined;
  return <ErrorNotice error={error} onDismiss={onDismiss} more={more} />;
}
