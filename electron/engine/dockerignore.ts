/**
 * .dockerignore as the engine's builder reads it (moby/patternmatcher):
 * one pattern a line, `#` comments, `!` re-includes, `*` `?` `[...]` within
 * one path segment, `**` across segments, the last matching pattern wins, and
 * a path is excluded when it or any of its parent folders matches.
 */
interface Pattern {
  regex: RegExp;
  exclusion: boolean;
}

export interface DockerIgnore {
  /** True when `relativePath` (slash-separated, relative to the context) stays out of the context. */
  ignores(relativePath: string): boolean;
  /** True when some `!` pattern could bring back something below an ignored folder. */
  hasExclusions: boolean;
}

function cleanPath(value: string): string {
  const parts: string[] = [];
  for (const part of value.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

function escapeRegex(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

export function compilePattern(pattern: string): RegExp {
  let out = '^';
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i];
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        i += 1;
        if (i + 1 >= pattern.length) out += '.*';
        else if (pattern[i + 1] === '/') {
          i += 1;
          out += '(?:.*/)?';
        } else out += '.*';
      } else out += '[^/]*';
    } else if (ch === '?') out += '[^/]';
    else if (ch === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) out += '\\[';
      else {
        let body = pattern.slice(i + 1, end);
        if (body.startsWith('^') || body.startsWith('!')) body = `^${body.slice(1)}`;
        out += `[${body.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (ch === '\\' && i + 1 < pattern.length) {
      i += 1;
      out += escapeRegex(pattern[i]);
    } else out += escapeRegex(ch);
  }
  return new RegExp(`${out}$`);
}

export function parseDockerIgnore(text: string): DockerIgnore {
  const patterns: Pattern[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    let exclusion = false;
    if (line.startsWith('!')) {
      exclusion = true;
      line = line.slice(1).trim();
    }
    const cleaned = cleanPath(line);
    if (cleaned === '') continue;
    patterns.push({ regex: compilePattern(cleaned), exclusion });
  }
  return {
    hasExclusions: patterns.some((p) => p.exclusion),
    ignores(relativePath: string): boolean {
      const path = cleanPath(relativePath);
      const parents: string[] = [];
      const parts = path.split('/');
      for (let i = 1; i < parts.length; i += 1) parents.push(parts.slice(0, i).join('/'));
      let ignored = false;
      for (const pattern of patterns) {
        if (pattern.exclusion !== ignored) continue;
        const matched = pattern.regex.test(path) || parents.some((parent) => pattern.regex.test(parent));
        if (matched) ignored = !pattern.exclusion;
      }
      return ignored;
    },
  };
}
