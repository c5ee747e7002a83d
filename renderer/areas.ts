import type { ComponentType } from 'react';
import { lazyPart } from './components/Loading';
import { ContainersPage } from './features/containers/ContainersPage';

// The first screen is in the first load; the others load when first opened.
const ImagesPage = lazyPart(async () => (await import('./features/images/ImagesPage')).ImagesPage);
const VolumesPage = lazyPart(async () => (await import('./features/volumes/VolumesPage')).VolumesPage);
const DashboardPage = lazyPart(async () => (await import('./features/dashboard/DashboardPage')).DashboardPage);
const LessonsPage = lazyPart(async () => (await import('./features/lessons/LessonsPage')).LessonsPage);
const SettingsPage = lazyPart(async () => (await import('./features/settings/SettingsPage')).SettingsPage);

/** One entry per area that works; the sidebar and the router read this list. */
export interface Area {
  id: string;
  /** i18n key of the sidebar label. */
  labelKey: string;
  Page: ComponentType;
  /** Shown even with no engine (Settings is where another engine is chosen). */
  worksOffline?: boolean;
}

export const AREAS: Area[] = [
  { id: 'containers', labelKey: 'nav.containers', Page: ContainersPage },
  { id: 'images', labelKey: 'nav.images', Page: ImagesPage },
  { id: 'volumes', labelKey: 'nav.volumes', Page: VolumesPage },
  { id: 'dashboard', labelKey: 'learn.nav.dashboard', Page: DashboardPage },
  { id: 'lessons', labelKey: 'learn.nav.lessons', Page: LessonsPage },
  { id: 'settings', labelKey: 'nav.settings', Page: SettingsPage, worksOffline: true },
];
