import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { button, panel } from './ui';

/** A titled panel of the images screen with a Close button (pull, search, build). */
export function ClosablePanel({ id, title, onClose, children }: { id: string; title: string; onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`${id}-title`} className={panel}>
      <div className="flex items-center justify-between">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        <button type="button" className={button} onClick={onClose}>
          {t('images.close')}
        </button>
      </div>
      {children}
    </section>
  );
}
