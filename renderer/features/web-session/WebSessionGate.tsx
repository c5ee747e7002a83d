import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useWebSessionProblem } from '../../api/web-session';

/** In a browser tab that is not signed in to the web host: how to open Cais, instead of a screen that waits forever. */
export function WebSessionGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const problem = useWebSessionProblem();
  if (!problem) return children;
  return (
    <main className="mx-auto flex h-full max-w-xl flex-col justify-center gap-4 p-8" data-testid="web-session-problem" data-problem={problem}>
      <h1 className="text-2xl font-semibold">{t(`webSession.${problem}.title`)}</h1>
      <p>{t(`webSession.${problem}.body`)}</p>
      <p className="text-slate-600 dark:text-slate-400">{t('webSession.howLinksWork')}</p>
    </main>
  );
}
