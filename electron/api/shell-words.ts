/**
 * Splits a command line the way a POSIX shell would for the simple cases a
 * pasted `docker run` uses: single and double quotes, backslash escapes and
 * line continuations (LF or CRLF, inside double quotes too). No variables,
 * globs or substitutions are expanded.
 */
export function splitShellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else word += char;
    } else if (quote === '"') {
      const continuation = char === '\\' ? lineBreakAt(line, i + 1) : 0;
      if (char === '"') quote = undefined;
      else if (continuation) i += continuation;
      else if (char === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) word += line[++i];
      else word += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      inWord = true;
    } else if (char === '\\') {
      const continuation = lineBreakAt(line, i + 1);
      if (continuation || i + 1 === line.length) {
        i += continuation;
        continue;
      }
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (quote) throw new Error('unclosed quote');
  if (inWord) words.push(word);
  return words;
}

/** The length of the line break (LF or CRLF) starting at index, or 0. */
function lineBreakAt(line: string, index: number): number {
  if (line[index] === '\n') return 1;
  return line.startsWith('\r\n', index) ? 2 : 0;
}

/** Quotes a word for a POSIX shell only when it needs it. */
export function quoteShellWord(word: string): string {
  if (word !== '' && /^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}
