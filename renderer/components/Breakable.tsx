import { Fragment, type ReactNode } from 'react';

/**
 * Long names, paths and instructions wrap only between words: at spaces, and
 * after a slash (a <wbr> there), never mid-word ("/bi n/busybox"). Use with the
 * `break-words` class, which splits a word only when it alone is wider than the line.
 */
export function Breakable({ text }: { text: string }): ReactNode {
  const parts = text.split(/(?<=\/)/);
  if (parts.length === 1) return text;
  return parts.map((part, index) => (
    <Fragment key={index}>
      {index > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}

/** The class that goes with Breakable: wrap at spaces and <wbr>, a word split only if it cannot fit alone. */
export const WRAP_WORDS = 'break-words';
