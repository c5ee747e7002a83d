import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { glossaryNext, type Shown } from './term-state';

export const GLOSSARY_WORDS = ['image', 'container', 'volume', 'layer', 'namespace', 'cgroup', 'port', 'registry'] as const;
export type GlossaryWord = (typeof GLOSSARY_WORDS)[number];

/**
 * A word with its short definition one hover, focus or click away (the
 * word, then the "?" of TermHelp).
 */
export function Term({ word, children }: { word: GlossaryWord; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex items-baseline gap-1">
      <span>{children ?? t(`learn.glossary.${word}.term`)}</span>
      <TermHelp word={word} />
    </span>
  );
}

/**
 * The "?" alone, to sit beside a heading, column header or form label
 * without joining its accessible name. It is described by the definition
 * (aria-describedby), so screen readers read it even before it is shown.
 *
 * Hover or keyboard focus previews the definition; a click (or Enter/Space)
 * pins it, a second one unpins it; Escape hides it; moving focus away hides
 * it. The pointer may move onto the definition without it closing.
 */
export function TermHelp({ word }: { word: GlossaryWord }) {
  const { t } = useTranslation();
  const id = useId();
  const [shown, setShown] = useState<Shown>('no');
  const open = shown !== 'no';
  return (
    <span
      className="relative inline-flex items-baseline text-base"
      onMouseEnter={() => setShown((value) => glossaryNext(value, 'preview'))}
      onMouseLeave={() => setShown((value) => glossaryNext(value, 'leave'))}
    >
      <button
        type="button"
        aria-label={t('learn.glossary.whatIs', { term: t(`learn.glossary.${word}.term`) })}
        aria-describedby={id}
        aria-expanded={open}
        data-glossary={word}
        data-shown={shown}
        onClick={() => setShown((value) => glossaryNext(value, 'click'))}
        onFocus={() => setShown((value) => glossaryNext(value, 'preview'))}
        onBlur={() => setShown((value) => glossaryNext(value, 'blur'))}
        onKeyDown={(event) => {
          if (event.key !== 'Escape' || !open) return;
          // Escape hides the definition first, and only that (not a dialog around it).
          event.preventDefault();
          event.stopPropagation();
          setShown('no');
        }}
        className="inline-flex size-5 items-center justify-center rounded-full border border-slate-400 text-xs font-normal text-slate-700 hover:bg-slate-100 dark:border-slate-500 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        ?
      </button>
      {/* pt-1 rather than a margin: the gap belongs to the box, so the pointer can cross it onto the text. */}
      <span id={id} role="tooltip" className={`${open ? 'block' : 'hidden'} absolute left-0 top-full z-30 w-72 pt-1`}>
        <span className="block whitespace-normal rounded-md border border-slate-300 bg-white p-2 text-left text-sm font-normal normal-case tracking-normal text-slate-900 shadow-lg dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100">
          {t(`learn.glossary.${word}.definition`)}
        </span>
      </span>
    </span>
  );
}

const HEADING_STYLE = { 1: 'text-2xl font-semibold', 3: 'text-base font-semibold' } as const;

/** A heading with its glossary "?" beside it (outside the heading, so its name stays the word alone). */
export function HeadingWithTerm({ id, level, word, children }: { id: string; level: 1 | 3; word: GlossaryWord; children: ReactNode }) {
  const Heading = level === 1 ? 'h1' : 'h3';
  return (
    <div className="flex items-center gap-2">
      <Heading id={id} className={HEADING_STYLE[level]}>
        {children}
      </Heading>
      <TermHelp word={word} />
    </div>
  );
}
