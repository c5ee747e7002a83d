import { useTranslation } from 'react-i18next';
import type { PublishedPort } from '../../../electron/api/schemas';
import { openExternal } from '../../api/bridge';
import { browserAddress, portLabel } from './format';

/** A published port as `docker ps` shows it; a link that opens it in the browser while the container runs. */
export function PortLink({ port, running }: { port: PublishedPort; running: boolean }) {
  const { t } = useTranslation();
  const address = browserAddress(port);
  const label = portLabel(port);
  if (!address || !running) return <span className="font-mono text-xs">{label}</span>;
  return (
    <a
      href={address}
      onClick={(event) => {
        event.preventDefault();
        openExternal(address);
      }}
      // Named by what it shows (speech users say what they see); where it goes is its description.
      title={t('containers.openPort', { address })}
      className="font-mono text-xs text-sky-800 underline dark:text-sky-300"
    >
      {label}
    </a>
  );
}
