import fs from 'node:fs';
import path from 'node:path';
import { uniqueName } from './support/engine-fixtures';
import { expect, openApp, test } from './support/fixtures';
import { expectAccessible } from './support/axe';
import { TEST_IMAGE, TEST_LABEL } from './support/test-engine';

const SHOTS = path.resolve(import.meta.dirname, '../test-results/screens');


const TABS = [
  { tab: 'summary', en: 'Image', pt: 'Imagem' },
  { tab: 'logs', en: 'Follow', pt: 'Acompanhar' },
  { tab: 'terminal', en: 'Shell', pt: 'Shell' },
  { tab: 'stats', en: 'CPU', pt: 'CPU' },
  { tab: 'inspect', en: 'Filter by key or value', pt: 'Filtrar por chave ou valor' },
];

for (const language of ['en', 'pt-BR'] as const) {
  test(`container tabs and the run form in ${language}: readable and accessible`, async ({ page, webHost, docker }) => {
    const container = await docker.createContainer({
      Image: TEST_IMAGE,
      name: uniqueName('screens'),
      Labels: { [TEST_LABEL]: '1' },
      Env: ['GREETING=olá', 'API_TOKEN=secret'],
      Cmd: ['sh', '-c', "trap 'exit 0' TERM; i=0; while :; do echo \"\u001b[32mok\u001b[0m request $i\"; i=$((i+1)); sleep 0.2 & wait $!; done"],
      HostConfig: { Memory: 64 * 1024 * 1024 },
    });
    await container.start();
    await openApp(page, webHost, language);
    fs.mkdirSync(SHOTS, { recursive: true });
    for (const { tab, en, pt } of TABS) {
      await page.goto(page.url().replace(/#.*$/, '') + `#containers/${container.id}/${tab}`);
      await expect(page.getByText(language === 'en' ? en : pt, { exact: true }).first()).toBeVisible();
      if (tab === 'stats') await expect.poll(async () => Number(await page.getByTestId('stats-samples').getAttribute('data-count'))).toBeGreaterThan(2);
      if (tab === 'logs') await expect(page.getByRole('log')).toContainText('request 3');
      if (tab === 'terminal') await expect(page.getByTestId('terminal').locator('.xterm-rows')).toContainText('#');
      await expectAccessible(page);
      await page.screenshot({ path: path.join(SHOTS, `container-${tab}-${language}.png`) });
    }
    await page.goto(page.url().replace(/#.*$/, '') + `#containers/~run/${encodeURIComponent(TEST_IMAGE)}`);
    await page.getByRole('button', { name: language === 'en' ? '+ 8080/tcp' : '+ 8080/tcp' }).click();
    await expectAccessible(page);
    await page.screenshot({ path: path.join(SHOTS, `container-run-form-${language}.png`), fullPage: true });
  });
}
