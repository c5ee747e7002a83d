import { useTranslation } from 'react-i18next';
import { formatBytes, transferRate } from './format';
import type { StreamStatus } from '../../api/use-action-stream';
import { nothingToTransfer, type TransferValue } from './transfer';

const BAR = 'h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700';

/** Overall bytes, speed and time left, then one line per layer with its phase. */
export function TransferProgress({ value, status, kind }: { value: TransferValue; status: StreamStatus; kind: 'pull' | 'push' }) {
  const { t, i18n } = useTranslation();
  const progress = value.progress;
  if (!progress) return status === 'running' ? <p aria-busy="true">{t('images.transfer.starting')}</p> : null;
  const { bytesDone, bytesTotal, layers, elapsedMs } = progress;
  const rate = transferRate(bytesDone, bytesTotal, elapsedMs);
  const percent = bytesTotal > 0 ? Math.round((bytesDone / bytesTotal) * 100) : status === 'done' ? 100 : 0;
  const reused = layers.filter((layer) => layer.phase === 'exists').length;
  if (nothingToTransfer(value)) {
    return (
      <p className="text-sm" data-testid={`${kind}-progress`} data-status={status} data-up-to-date="true">
        {t(`images.transfer.upToDate.${kind}`)}
      </p>
    );
  }
  // A pull reuses layers from this machine's cache; a push skips layers the registry already has.
  const reusedText = kind === 'push' ? 'images.transfer.skippedOnPush' : 'images.transfer.reusedExplained';
  return (
    <div className="space-y-3" data-testid={`${kind}-progress`} data-status={status}>
      <div>
        <div className="flex flex-wrap justify-between gap-2 text-sm">
          <span data-testid="transfer-bytes">
            {t('images.transfer.bytes', { done: formatBytes(bytesDone, i18n.language), total: formatBytes(bytesTotal, i18n.language) })}
          </span>
          <span>
            {t('images.transfer.speed', { speed: formatBytes(rate.bytesPerSecond, i18n.language) })}
            {status === 'running' && rate.secondsLeft !== undefined && ` · ${t('images.transfer.left', { count: rate.secondsLeft })}`}
          </span>
        </div>
        <div
          role="progressbar"
          aria-label={t(`images.transfer.overall.${kind}`)}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className={`${BAR} mt-1`}
        >
          <div className="h-full bg-sky-600 transition-[width] dark:bg-sky-400" style={{ width: `${percent}%` }} />
        </div>
      </div>
      {reused > 0 && <p className="text-xs text-slate-700 dark:text-slate-300">{t(reusedText, { count: reused })}</p>}
      <ul className="space-y-2" aria-label={t('images.transfer.layers')}>
        {layers.map((layer) => {
          const extracting = layer.phase === 'extracting';
          const amount = extracting ? layer.extracted : layer.current;
          const layerPercent =
            layer.phase === 'complete' || layer.phase === 'exists' || layer.phase === 'pushed'
              ? 100
              : layer.total > 0
                ? Math.round((amount / layer.total) * 100)
                : 0;
          return (
            <li key={layer.id} data-testid="layer-progress" data-layer={layer.id} data-phase={layer.phase} className="text-xs">
              <div className="flex justify-between gap-2">
                <span className="font-mono">{layer.id}</span>
                <span>
                  {kind === 'push' && layer.phase === 'exists' ? t('images.transfer.existsInRegistry') : t(`images.phase.${layer.phase}`, { defaultValue: layer.phase })}
                  {layer.total > 0 && layer.phase !== 'exists' && ` · ${formatBytes(amount, i18n.language)} / ${formatBytes(layer.total, i18n.language)}`}
                </span>
              </div>
              <div
                role="progressbar"
                aria-label={t('images.transfer.layer', { id: layer.id })}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={layerPercent}
                className={`${BAR} mt-0.5 h-1.5`}
              >
                <div
                  className={`h-full ${layer.phase === 'exists' ? 'bg-slate-400 dark:bg-slate-500' : extracting ? 'bg-amber-500' : 'bg-emerald-600 dark:bg-emerald-400'}`}
                  style={{ width: `${layerPercent}%` }}
                />
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
