import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Files the window fetches at first: index.html's scripts and modulepreloads, and their static imports. */
export function firstLoadScripts(renderer: string): string[] {
  const html = fs.readFileSync(path.join(renderer, 'index.html'), 'utf8');
  const pending = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"|<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((match) =>
    path.join(renderer, match[1] ?? match[2]),
  );
  const loaded = new Set<string>();
  while (pending.length) {
    const file = pending.pop()!;
    if (loaded.has(file)) continue;
    loaded.add(file);
    // Static `import … from "./x.js"`, `import "./x.js"` and `export … from "./x.js"`; never `import("./x.js")`.
    for (const match of fs.readFileSync(file, 'utf8').matchAll(/\b(?:import|export)\s*(?:[^"'()]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      pending.push(path.resolve(path.dirname(file), match[1]));
    }
  }
  return [...loaded];
}

export const gzippedKB = (files: string[]): number => files.reduce((sum, file) => sum + gzipSync(fs.readFileSync(file)).length, 0) / 1024;
