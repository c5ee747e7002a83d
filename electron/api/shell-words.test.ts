import { describe, expect, it } from 'vitest';
import { quoteShellWord, splitShellWords } from './shell-words';

describe('splitShellWords', () => {
  it('splits on any run of whitespace and ignores it at the ends', () => {
    expect(splitShellWords('  docker   run\t-d\nnginx  ')).toEqual(['docker', 'run', '-d', 'nginx']);
  });

  it('gives no words for an empty or blank line', () => {
    expect(splitShellWords('')).toEqual([]);
    expect(splitShellWords(' \t \n ')).toEqual([]);
  });

  describe('single quotes', () => {
    it('keep everything literally, backslashes and $ included', () => {
      expect(splitShellWords(`'a b' 'c\\d' '$HOME' '"x"'`)).toEqual(['a b', 'c\\d', '$HOME', '"x"']);
    });

    it('keep a newline and a backslash-newline literally', () => {
      expect(splitShellWords(`'a\nb' 'c\\\nd'`)).toEqual(['a\nb', 'c\\\nd']);
    });

    it('join with unquoted text next to them into one word', () => {
      expect(splitShellWords(`pre'mid dle'post`)).toEqual(['premid dlepost']);
    });

    it('hold a single quote via the close, escape, reopen idiom', () => {
      expect(splitShellWords(`'it'\\''s'`)).toEqual(["it's"]);
    });
  });

  describe('double quotes', () => {
    it('keep spaces and single quotes', () => {
      expect(splitShellWords(`"a b" "it's"`)).toEqual(['a b', "it's"]);
    });

    it('unescape only \\" \\\\ \\$ and \\` and keep other backslashes', () => {
      expect(splitShellWords(String.raw`"a\"b" "c\\d" "\$x" "\`y" "e\nf" "g\'h"`)).toEqual([
        'a"b',
        'c\\d',
        '$x',
        '`y',
        'e\\nf',
        "g\\'h",
      ]);
    });

    it('do not expand variables', () => {
      expect(splitShellWords('"$HOME/x"')).toEqual(['$HOME/x']);
    });

    it('drop a backslash-newline, as a POSIX shell does', () => {
      expect(splitShellWords('"ab\\\ncd"')).toEqual(['abcd']);
      expect(splitShellWords('"ab\\\r\ncd"')).toEqual(['abcd']);
    });

    it('keep a plain newline', () => {
      expect(splitShellWords('"a\nb"')).toEqual(['a\nb']);
    });
  });

  describe('backslash outside quotes', () => {
    it('escapes the next character, whitespace and quotes included', () => {
      expect(splitShellWords(String.raw`a\ b c\'d e\"f g\\h \$x`)).toEqual(['a b', "c'd", 'e"f', 'g\\h', '$x']);
    });

    it('joins lines on a line continuation', () => {
      expect(splitShellWords('docker run \\\n  -d \\\n  nginx')).toEqual(['docker', 'run', '-d', 'nginx']);
    });

    it('joins a word split by a line continuation', () => {
      expect(splitShellWords('ngi\\\nnx')).toEqual(['nginx']);
    });

    it('joins lines on a CRLF line continuation (pasted from Windows)', () => {
      expect(splitShellWords('docker run \\\r\n  -d \\\r\n  nginx')).toEqual(['docker', 'run', '-d', 'nginx']);
    });

    it('is dropped at the very end of the line', () => {
      expect(splitShellWords('a b\\')).toEqual(['a', 'b']);
    });
  });

  describe('empty words', () => {
    it('keeps an empty quoted word', () => {
      expect(splitShellWords(`a '' "" b`)).toEqual(['a', '', '', 'b']);
    });

    it('keeps an empty word at the end', () => {
      expect(splitShellWords(`--entrypoint ''`)).toEqual(['--entrypoint', '']);
    });

    it('does not make an empty word from quotes joined to text', () => {
      expect(splitShellWords(`a''b`)).toEqual(['ab']);
    });
  });

  it('throws on an unclosed single quote', () => {
    expect(() => splitShellWords(`echo 'abc`)).toThrow('unclosed quote');
  });

  it('throws on an unclosed double quote', () => {
    expect(() => splitShellWords('echo "abc')).toThrow('unclosed quote');
  });

  it('throws on a double quote whose closing quote is escaped', () => {
    expect(() => splitShellWords('echo "abc\\"')).toThrow('unclosed quote');
  });

  it('keeps unicode as is', () => {
    expect(splitShellWords('café "日本 語" 🐳')).toEqual(['café', '日本 語', '🐳']);
  });
});

describe('quoteShellWord', () => {
  it('leaves words that need no quoting alone', () => {
    for (const word of ['nginx:1.27', '-d', '--name', 'A=1', '/var/lib/data', 'user@host', '50%', 'a,b', 'a+b', 'under_score']) {
      expect(quoteShellWord(word)).toBe(word);
    }
  });

  it('quotes the empty string', () => {
    expect(quoteShellWord('')).toBe("''");
  });

  it('quotes words with shell-special characters', () => {
    expect(quoteShellWord('a b')).toBe("'a b'");
    expect(quoteShellWord('$HOME')).toBe("'$HOME'");
    expect(quoteShellWord('a;b')).toBe("'a;b'");
    expect(quoteShellWord('~')).toBe("'~'");
    expect(quoteShellWord('#x')).toBe("'#x'");
    expect(quoteShellWord('*')).toBe("'*'");
  });

  it('quotes a single quote with the close, escape, reopen idiom', () => {
    expect(quoteShellWord("it's")).toBe(`'it'\\''s'`);
  });

  it.each([
    ['space', 'hello world'],
    ['leading and trailing space', '  padded  '],
    ['single quote', "it's"],
    ['only single quotes', "'''"],
    ['double quote', 'say "hi"'],
    ['both quotes', `'"'"`],
    ['dollar', '$HOME and ${PATH} and $(id)'],
    ['backtick', '`id`'],
    ['backslashes', 'C:\\Users\\me\\'],
    ['backslash before quote', `\\'\\"`],
    ['newline', 'line1\nline2'],
    ['CRLF', 'line1\r\nline2'],
    ['tab', 'a\tb'],
    ['glob and redirect', '*.txt > out 2>&1 | tee'],
    ['semicolon and ampersand', 'a; b && c &'],
    ['hash', '# not a comment'],
    ['unicode', 'café 日本語 🐳'],
    ['equals', 'A=b=c d'],
    ['empty', ''],
    ['leading dash', '--flag=a b'],
    ['exclamation', 'hello!'],
  ])('round-trips a word with %s through splitShellWords', (_label, word) => {
    expect(splitShellWords(quoteShellWord(word))).toEqual([word]);
  });

  it('round-trips a list of awkward words joined with spaces', () => {
    const words = ['docker', 'run', '', "it's", 'a b', '$x', '"q"', '\\', 'é', '\n'];
    expect(splitShellWords(words.map(quoteShellWord).join(' '))).toEqual(words);
  });
});
