import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../../electron/api/schemas';
import { AREAS } from '../areas';
import { ActivityButton } from '../features/activity/ActivityPanel';
import { PaletteButton } from '../features/palette/CommandPalette';
import { EngineStatus } from './EngineStatus';
import { LanguageSwitch } from './LanguageSwitch';

export function Sidebar({ state, current }: { state: ConnectionState | undefined; current: string }) {
  const { t } = useTranslation();
  return (
    <aside className="flex w-56 shrink-0 flex-col border-r border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900">
      <div className="px-4 py-4 text-lg font-semibold tracking-tight">
        <span aria-hidden="true">⚓ </span>
        {t('app.name')}
      </div>
      <nav aria-label={t('nav.label')} className="flex-1 px-2">
        <ul className="space-y-1">
          {AREAS.map((area) => (
            <li key={area.id}>
              <a
                href={`#${area.id}`}
                aria-current={area.id === current ? 'page' : undefined}
                className={
                  area.id === current
                    ? 'block rounded-md bg-sky-100 px-3 py-2 font-medium text-sky-900 dark:bg-sky-900/50 dark:text-sky-100'
                    : 'block rounded-md px-3 py-2 text-slate-800 hover:bg-slate-200 dark:text-slate-200 dark:hover:bg-slate-800'
                }
              >
                {t(area.labelKey)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="space-y-3 border-t border-slate-200 p-3 text-sm dark:border-slate-800">
        <EngineStatus state={state} />
        <PaletteButton />
        <ActivityButton />
        <LanguageSwitch />
      </div>
    </aside>
  );
}
