import { useTranslation } from 'react-i18next';
import { formatBytes, shortId, type ImageRow } from './format';
import { UsedByCount } from './ImageList';
import { LayersView } from './LayersView';
import { RemoveImage } from './RemoveImage';
import { RunImage } from './RunImage';
import { SaveImage } from './SaveImage';
import { TagPush } from './TagPush';
import { button, panel } from './ui';

/** One image: its layers, then tag and push, save, and remove. */
export function ImageDetail({ row, onClose }: { row: ImageRow; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const reference = row.dangling ? row.id : row.reference;
  return (
    <section aria-labelledby="detail-title" className={panel} data-testid="image-detail" data-reference={row.reference}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id="detail-title" className="break-all text-lg font-semibold">
            {row.dangling ? t('images.untagged') : row.reference}
          </h2>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            <span className="font-mono">{shortId(row.id)}</span> · {formatBytes(row.size, i18n.language)} · <UsedByCount count={row.containers} />
          </p>
        </div>
        <button type="button" className={button} onClick={onClose}>
          {t('images.close')}
        </button>
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <LayersView reference={reference} />
        <div className="space-y-6">
          {!row.dangling && <RunImage reference={reference} caisOwn={row.caisOwn} />}
          <TagPush source={reference} />
          <SaveImage reference={reference} />
          <RemoveImage reference={reference} onRemoved={onClose} />
        </div>
      </div>
    </section>
  );
}
