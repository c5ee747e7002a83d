import { useSyncExternalStore } from 'react';
import { VolumeDetail } from './VolumeDetail';
import { VolumeList } from './VolumeList';

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

/** #volumes lists them; #volumes/NAME/TAB opens one. */
export function useVolumeRoute(): { name?: string; tab?: string } {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const [, name, tab] = hash.replace(/^#\/?/, '').split('/');
  return { name: name ? decodeURIComponent(name) : undefined, tab };
}

export function volumeHref(name: string, tab?: string): string {
  return `#volumes/${encodeURIComponent(name)}${tab ? `/${tab}` : ''}`;
}

export function VolumesPage() {
  const { name, tab } = useVolumeRoute();
  return name ? <VolumeDetail key={name} name={name} tab={tab} /> : <VolumeList />;
}
