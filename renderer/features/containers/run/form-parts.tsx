import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TermHelp, type GlossaryWord } from '../../glossary/Term';
import type { Problems } from './run-draft';
import { WARNING_TEXT } from '../../../components/RootRisks';

export const INPUT = 'w-full rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-800 aria-[invalid=true]:border-red-600';

/** A labelled input with its problem (else its warning, else its hint), announced as it changes. */
export function Field({ id, label, hint, warning, term, problems, children }: { id: string; label: string; hint?: string; warning?: string; term?: GlossaryWord; problems: Problems; children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string }) => ReactNode }) {
  const { t } = useTranslation();
  const problem = problems[id];
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-1">
        <label htmlFor={`run-${id}`} className="font-medium">
          {label}
        </label>
        {term && <TermHelp word={term} />}
      </div>
      {children({ id: `run-${id}`, 'aria-invalid': Boolean(problem), 'aria-describedby': `run-${id}-note` })}
      <p id={`run-${id}-note`} data-warning={!problem && warning ? true : undefined} className={problem ? 'text-red-700 dark:text-red-300' : warning ? `text-xs font-medium ${WARNING_TEXT}` : 'text-xs text-slate-700 dark:text-slate-300'}>
        {problem ? t(`containers.${problem}`) : warning ? <><span aria-hidden="true">⚠ </span>{warning}</> : hint}
      </p>
    </div>
  );
}

/** A list of rows with add and remove buttons. */
export function Rows<T>({ title, term, items, onChange, blank, addLabel, columns = 'md:grid-cols-4', children }: { title: string; term?: GlossaryWord; items: T[]; onChange: (items: T[]) => void; blank: T; addLabel: string; /** The row's grid at md and up: fewer, wider columns where a select's choices are long. */ columns?: string; children: (item: T, index: number, update: (patch: Partial<T>) => void) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <fieldset className="space-y-2 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <legend className="flex items-center gap-1 px-1 font-semibold">
        {title}
        {term && <TermHelp word={term} />}
      </legend>
      {items.map((item, index) => (
        <div key={index} className="flex items-start gap-2">
          <div className={`grid flex-1 grid-cols-1 gap-2 ${columns}`}>{children(item, index, (patch) => onChange(items.map((it, i) => (i === index ? { ...it, ...patch } : it))))}</div>
          <button type="button" className="mt-7 rounded-md border border-slate-300 px-2 py-1 dark:border-slate-700" onClick={() => onChange(items.filter((_, i) => i !== index))} aria-label={t('containers.run.removeRow', { title, index: index + 1 })}>
            ✕
          </button>
        </div>
      ))}
      <button type="button" className="rounded-md border border-dashed border-slate-400 px-3 py-1 text-sm" onClick={() => onChange([...items, blank])}>
        + {addLabel}
      </button>
    </fieldset>
  );
}
