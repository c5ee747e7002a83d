import { useTranslation } from 'react-i18next';
import type { EngineFeature } from '../../electron/api/schemas';

/** Says what the engine in use does not support and what to use instead (settings.gaps.*). */
export function EngineGap({ feature, name }: { feature: EngineFeature; name?: string }) {
  const { t } = useTranslation();
  return (
    <p data-testid="engine-gap" data-feature={feature} className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      {t(`settings.gaps.${feature}`, { name: name ?? 'NAME' })}
    </p>
  );
}
