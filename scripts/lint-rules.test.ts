import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The project's own ESLint config, run on a snippet as if it were a renderer file. */
async function rulesBroken(code: string, filePath = 'renderer/features/example/Example.tsx'): Promise<string[]> {
  const [result] = await new ESLint().lintText(code, { filePath });
  return result.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('lint: no literal words in the renderer', () => {
  it('rejects a literal word in JSX text and in a visible attribute', async () => {
    const text = await rulesBroken('export const A = () => <p>Remove the container</p>;\n');
    expect(text.join('\n')).toMatch(/no-restricted-syntax: User-visible text goes in renderer\/i18n/);
    const attribute = await rulesBroken('export const B = () => <input aria-label="Search" />;\n');
    expect(attribute.join('\n')).toMatch(/no-restricted-syntax: User-visible attribute text/);
    const braced = await rulesBroken("export const D = () => <input placeholder={'Your name'} />;\n");
    expect(braced.join('\n')).toMatch(/no-restricted-syntax: User-visible attribute text/);
  });

  it('accepts text from t(), symbols and acronyms', async () => {
    const code = [
      "import { useTranslation } from 'react-i18next';",
      'export function C() {',
      '  const { t } = useTranslation();',
      "  return <p title={t('a.b')}>{t('a.c')} · TCP <span aria-hidden=\"true\">⚓</span></p>;",
      '}',
      '',
    ].join('\n');
    expect(await rulesBroken(code)).toEqual([]);
  });

});
