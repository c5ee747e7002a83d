import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Where a part of the window that is loaded when first needed (a page, the
 * terminal, the charts) shows up: a short line while its code arrives, so the
 * first load carries only the containers screen.
 */
export function LazyPart({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingPart />}>{children}</Suspense>;
}

function LoadingPart() {
  const { t } = useTranslation();
  return (
    <p role="status" aria-busy="true" className="p-6 text-sm text-slate-600 dark:text-slate-400">
      {t('app.loadingPart')}
    </p>
  );
}

const loaders: (() => Promise<unknown>)[] = [];

/**
 * A component whose code loads when first shown, and is fetched anyway once
 * the window is idle (preloadLazyParts), so opening it later is instant.
 */
export function lazyPart<Props extends object>(load: () => Promise<ComponentType<Props>>): ComponentType<Props> {
  loaders.push(load);
  return lazy(async () => ({ default: await load() }));
}

/** Fetches every lazy part's code; called once the first screen is drawn and the window is idle. */
export function preloadLazyParts(): void {
  for (const load of loaders) void load().catch(() => undefined); // a failed fetch retries when shown
}
