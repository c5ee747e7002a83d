import Anser from 'anser';
import type { ReactNode } from 'react';
import { showControls, stripOsc } from '../../../components/visible-text';

/** Wraps each case-insensitive occurrence of `needle` in <mark>. */
export function highlight(text: string, needle: string, keyPrefix: string): ReactNode[] {
  if (!needle) return [text];
  const parts: ReactNode[] = [];
  const lower = text.toLowerCase();
  let from = 0;
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, from)) {
    if (at > from) parts.push(text.slice(from, at));
    parts.push(
      <mark key={`${keyPrefix}-${at}`} className="bg-amber-300 text-slate-900">
        {text.slice(at, at + needle.length)}
      </mark>,
    );
    from = at + needle.length;
  }
  if (from < text.length) parts.push(text.slice(from));
  return parts;
}

/** A log line with its ANSI colours, and search matches highlighted. */
export function LogText({ text, needle }: { text: string; needle: string }) {
  // Colours stay; other escape sequences (OSC: titles, links) go; hidden bidi controls show.
  const chunks = Anser.ansiToJson(stripOsc(text), { remove_empty: true, use_classes: false });
  return (
    <>
      {chunks.map((chunk, index) => (
        <span
          key={index}
          style={{
            color: chunk.fg ? `rgb(${chunk.fg})` : undefined,
            backgroundColor: chunk.bg ? `rgb(${chunk.bg})` : undefined,
            fontWeight: chunk.decorations?.includes('bold') ? 600 : undefined,
          }}
        >
          {highlight(showControls(chunk.content), needle, String(index))}
        </span>
      ))}
    </>
  );
}

export function plainText(text: string): string {
  return showControls(Anser.ansiToText(stripOsc(text)));
}
