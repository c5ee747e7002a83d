import type { ComponentType } from 'react';
import { ContainersPage } from './features/containers/ContainersPage';
import { DashboardPage } from './features/dashboard/DashboardPage';
import { ImagesPage } from './features/images/ImagesPage';
import { VolumesPage } from './features/volumes/VolumesPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { LessonsPage } from './features/lessons/LessonsPage';

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
