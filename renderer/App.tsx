import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useEngineEventInvalidation } from './api/engine-events';
import { useConnectionState } from './api/engine-state';
import { useHashRoute } from './api/use-hash-route';
import { AREAS } from './areas';
import { LazyPart, preloadLazyParts } from './components/Loading';
import { Sidebar } from './components/Sidebar';
import { HostKeyTrust } from './features/engine/HostKeyTrust';
import { ConnectingScreen, OfflineScreen } from './features/engine/OfflineScreen';
import { CommandPalette } from './features/palette/CommandPalette';
import { SettingsEffects } from './features/settings/SettingsEffects';

export function App() {
  const { t } = useTranslation();
  const state = useConnectionState();
  const connected = state?.status === 'connected';
  useEngineEventInvalidation(connected, connected ? `${state.endpoint.kind}:${state.endpoint.address}` : '');
  const route = useHashRoute(AREAS[0].id);
  const area = AREAS.find((candidate) => candidate.id === route) ?? AREAS[0];
  useEffect(() => {
    // The first load carries only the first screen; the rest follows when the window is idle.
    const idle = window.requestIdleCallback(preloadLazyParts, { timeout: 2000 });
    return () => window.cancelIdleCallback(idle);
  }, []);

  return (
    <div className="flex h-full">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:p-2 focus:text-slate-900"
      >
        {t('app.skipToContent')}
      </a>
      <Sidebar state={state} current={area.id} />
      <CommandPalette connected={connected} />
      <main id="main" className="min-w-0 flex-1 overflow-auto">
        <SettingsEffects />
        {area.worksOffline ? (
          <LazyPart>
            <area.Page />
          </LazyPart>
        ) : state?.status === 'offline' ? (
          <>
            {state.reason === 'ssh-host-unknown' && (
              <div className="mx-auto max-w-2xl px-8 pt-8">
                <HostKeyTrust offer={state.hostKey} engineId={null} host={state.endpoint?.address ?? ''} />
              </div>
            )}
            <OfflineScreen state={state} />
          </>
        ) : connected ? (
          <LazyPart>
            <area.Page />
          </LazyPart>
        ) : (
          <ConnectingScreen />
        )}
      </main>
    </div>
  );
}
