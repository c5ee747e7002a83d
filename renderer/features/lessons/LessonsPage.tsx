import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { localizeState } from '../containers/status-text';
import type { LessonId, LessonStep } from '../../../electron/api/lessons-contract';
import { client, orpc } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Term } from '../glossary/Term';

const LESSONS: LessonId[] = ['first-container', 'data-survives', 'limits'];

/** The lessons need an image with a shell; busybox is the classic one. */
function preferredImage(tags: string[]): string | undefined {
  return tags.find((tag) => /busybox|alpine/.test(tag)) ?? tags[0];
}

export function LessonsPage() {
  const { t } = useTranslation();
  const images = useQuery(orpc.images.list.queryOptions());
  // Cais's own helper image is no image to learn with.
  const tags = (images.data ?? [])
    .filter((image) => !image.caisOwn)
    .flatMap((image) => image.repoTags)
    .filter((tag) => tag !== '<none>:<none>');
  // Only images with a shell: every lesson runs its steps with sh.
  const shells = useQuery({ ...orpc.images.withShell.queryOptions({ input: { references: tags.slice(0, 200) } }), enabled: images.isSuccess, staleTime: 60_000 });
  const usable = shells.data ? tags.filter((tag) => shells.data.includes(tag)) : tags;
  const [chosen, setChosen] = useState<string>();
  const image = chosen ?? preferredImage(usable);
  return (
    <section aria-labelledby="lessons-title" className="space-y-5 p-6">
      <h1 id="lessons-title" className="text-2xl font-semibold">
        {t('learn.lessons.title')}
      </h1>
      <p className="text-slate-700 dark:text-slate-300">{t('learn.lessons.intro')}</p>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Term word="image">
          <label htmlFor="lesson-image">{t('learn.lessons.image')}</label>
        </Term>
        <select
          id="lesson-image"
          value={image ?? ''}
          onChange={(event) => setChosen(event.target.value)}
          className="rounded-md border border-slate-400 bg-white px-2 py-1 dark:border-slate-500 dark:bg-slate-900"
        >
          {usable.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </div>
      {images.isSuccess && usable.length === 0 && <p role="alert">{t('learn.lessons.noImage')}</p>}
      {LESSONS.map((lesson) => (
        <Lesson key={lesson} lesson={lesson} image={image} />
      ))}
    </section>
  );
}

/** A step's values as words: an engine state reads in the user's language ("parado", not "exited"). */
function shownValues(values: LessonStep['values'], t: TFunction): LessonStep['values'] {
  if (!values || typeof values.state !== 'string') return values;
  return { ...values, state: localizeState(values.state, t) };
}

function Lesson({ lesson, image }: { lesson: LessonId; image: string | undefined }) {
  const { t } = useTranslation();
  const [steps, setSteps] = useState<LessonStep[]>([]);
  const [state, setState] = useState<'idle' | 'running' | 'finished'>('idle');
  const [error, setError] = useState<unknown>();
  const controller = useRef<AbortController | undefined>(undefined);
  // Leaving the page cancels the lesson; the engine side then cleans up.
  useEffect(() => () => controller.current?.abort(), []);

  const start = async () => {
    if (!image) return;
    controller.current = new AbortController();
    setSteps([]);
    setError(undefined);
    setState('running');
    try {
      const stream = await client.lessons.run({ lesson, image }, { signal: controller.current.signal });
      for await (const step of stream) {
        setSteps((current) => [...current.filter((s) => s.step !== step.step), step]);
      }
    } catch (failure) {
      if (!controller.current.signal.aborted) setError(failure);
    }
    setState('finished');
  };

  return (
    <section aria-labelledby={`lesson-${lesson}`} className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-700" data-lesson={lesson}>
      <h2 id={`lesson-${lesson}`} className="text-lg font-semibold">
        {t(`learn.lessons.${lesson}.title`)}
      </h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">{t(`learn.lessons.${lesson}.intro`)}</p>
      <button
        type="button"
        disabled={!image || state === 'running'}
        onClick={() => void start()}
        className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60"
      >
        {t(state === 'idle' ? 'learn.lessons.start' : 'learn.lessons.again', { title: t(`learn.lessons.${lesson}.title`) })}
      </button>
      {steps.length > 0 && (
        <ol className="space-y-3" aria-live="polite">
          {steps.map((step) => (
            <li key={step.step} data-step={step.step} data-status={step.status} className="space-y-1 border-l-4 border-sky-600 pl-3">
              <p className="text-sm">{t(`learn.lessons.${lesson}.${step.step}.explain`, { defaultValue: t(`learn.lessons.${step.step}.explain`, { defaultValue: '' }) })}</p>
              <code className="block whitespace-pre-wrap break-words rounded bg-slate-100 px-2 py-1 font-mono text-xs dark:bg-slate-800">$ {step.command}</code>
              {step.output && (
                // A table (docker ps) keeps its columns: it scrolls sideways instead of wrapping, and the keyboard can scroll it.
                <pre tabIndex={0} className="overflow-x-auto whitespace-pre font-mono text-xs">
                  {step.output}
                </pre>
              )}
              {step.status === 'running' && <p aria-busy="true" className="text-sm">{t('learn.lessons.running')}</p>}
              {step.status === 'done' && (
                <p className="text-sm font-medium" data-testid="step-result">
                  {t(`learn.lessons.${lesson}.${step.step}.result`, { ...shownValues(step.values, t), defaultValue: t(`learn.lessons.${step.step}.result`, { ...shownValues(step.values, t) }) })}
                </p>
              )}
              {step.error && <p className="text-sm text-red-800 dark:text-red-300">{step.error}</p>}
            </li>
          ))}
        </ol>
      )}
      {error !== undefined && <ErrorNotice error={error} />}
    </section>
  );
}
