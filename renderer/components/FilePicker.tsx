import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BUTTON } from './Dialog';

/**
 * A file input that speaks the UI's language: the browser's own button says "Choose File" in
 * English whatever the page's language. A translated button-looking label holds a visually hidden
 * input, which stays the keyboard's focus stop (Enter or Space opens the picker) and keeps its name.
 */
export function FilePicker({
  label,
  choose,
  accept,
  fileName,
  showFileName = true,
  onFile,
}: {
  /** The caption above, which also names the input; without it the button's text names it. */
  label?: string;
  /** The button's text; "Choose a file…" by default. */
  choose?: string;
  accept?: string;
  fileName?: string;
  showFileName?: boolean;
  onFile: (file: File | undefined) => void;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  const buttonId = useId();
  return (
    <div className="flex flex-col gap-1 text-sm">
      {label && <span id={labelId}>{label}</span>}
      <div className="flex flex-wrap items-center gap-2">
        <label className={`${BUTTON} cursor-pointer focus-within:outline focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-sky-600`}>
          <span id={buttonId}>{choose ?? t('common.chooseFile')}</span>
          <input
            type="file"
            accept={accept}
            className="sr-only"
            aria-labelledby={label ? labelId : buttonId}
            onChange={(event) => {
              onFile(event.target.files?.[0]);
              // The same file can be picked again (a .env edited and imported anew).
              if (!showFileName) event.target.value = '';
            }}
          />
        </label>
        {showFileName && <span className="text-slate-700 dark:text-slate-300">{fileName ?? t('common.noFile')}</span>}
      </div>
    </div>
  );
}
