import type { Page } from '@playwright/test';
import { createTestContainer, uniqueName } from './support/engine-fixtures';
import { expect, openApp, startHostFor, test } from './support/fixtures';
import { TEST_IMAGE, TEST_LABEL } from './support/test-engine';
import { runInVolume } from './support/volume-manifest';

/**
 * Messages and teaching text that must say what is true, in both languages:
 * the offline diagnosis and Retry, engine states and numbers in pt-BR, hidden
 * bidi controls in file names, and the recreate dialog's title.
 */

const ENGINE_STATES = /\b(running|exited|created|paused|restarting|removing|dead)\b/;

/** What a reader sees in the main area, without the docker commands shown as code (they are English on purpose). */
async function prose(page: Page): Promise<string> {
  return page.locator('main').evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('code, pre, [data-testid="command-hint"], time, option, script').forEach((node) => node.remove());
    // cloneNode loses layout, so innerText would still be fine; textContent keeps hidden text too, which is stricter.
    return copy.textContent ?? '';
  });
}

for (const language of [
  { code: 'en', retry: 'Retry now', lastTry: /Last try at \d{1,2}:\d{2}/, both: [/is installed, but/, /not installed, or/] },
  { code: 'pt-BR', retry: 'Tentar agora', lastTry: /Última tentativa às \d{2}:\d{2}/, both: [/Há um engine Docker instalado/, /não está instalado ou/] },
]) {
  test(`offline screen in ${language.code}: one diagnosis, and Retry says when it tried`, async ({ page }) => {
    const started = await startHostFor('unix:///nonexistent/cais/docker.sock');
    try {
      await openApp(page, started.host, language.code);
      const screen = page.getByTestId('offline-screen');
      await expect(screen).toBeVisible();
      const text = (await screen.textContent()) ?? '';
      // Never "installed, but not running" next to "not installed, or not running".
      expect(language.both.filter((said) => said.test(text)).length).toBeLessThanOrEqual(1);
      const result = page.getByTestId('offline-retry-result');
      await expect(result).toHaveText('');
      await page.getByRole('button', { name: language.retry }).click();
      await expect(result).toHaveText(language.lastTry);
      await expect(screen).toBeVisible();
    } finally {
      await started.close();
    }
  });
}

test('pt-BR: no raw engine state and no decimal point in the list, a summary, stats and a lesson', async ({ page, webHost, docker }) => {
  test.setTimeout(90_000);
  const running = await createTestContainer(docker, { name: uniqueName('estado-rodando'), Cmd: ['sh', '-c', 'while true; do sleep 1; done'], HostConfig: { Memory: 64 * 1024 * 1024 } });
  await running.start();
  const paused = await createTestContainer(docker, { name: uniqueName('estado-pausado'), Cmd: ['sh', '-c', 'while true; do sleep 1; done'] });
  await paused.start();
  await paused.pause();
  const exited = await createTestContainer(docker, { name: uniqueName('estado-parado'), Cmd: ['true'] });
  await exited.start();
  await exited.wait();
  const created = await createTestContainer(docker, { name: uniqueName('estado-criado') });

  await openApp(page, webHost, 'pt-BR');
  await expect(page.getByRole('heading', { name: 'Contêineres', level: 1 })).toBeVisible();
  for (const container of [running, paused, exited, created]) {
    await expect(page.locator(`[href="#containers/${container.id}/summary"]`)).toBeVisible();
  }
  expect(await prose(page)).not.toMatch(ENGINE_STATES);

  for (const container of [running, exited]) {
    await page.goto(`${webHost.origin}/#containers/${container.id}/summary`);
    await expect(page.getByRole('tab', { name: 'Resumo' })).toBeVisible();
    await expect(page.locator('main dl')).toBeVisible();
    expect(await prose(page)).not.toMatch(ENGINE_STATES);
  }

  // Stats: "0,0%" and "1,9 MiB", never "0.0 %" or "1.9 MiB".
  await page.goto(`${webHost.origin}/#containers/${running.id}/stats`);
  const samples = page.getByTestId('stats-samples');
  await expect.poll(async () => Number(await samples.getAttribute('data-count')), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('stat-memory')).toContainText('de 64,0 MiB');
  const statsText = await prose(page);
  expect(statsText).toMatch(/\d,\d%/);
  expect(statsText).not.toMatch(/\d\.\d/);

  // Lesson 1: the docker ps -a step shows the table, and the sentence says "parado", not "exited".
  await page.goto(`${webHost.origin}/#lessons`);
  await page.getByLabel(/Imagem usada pelas lições/).selectOption(TEST_IMAGE);
  const lesson = page.locator('[data-lesson="first-container"]');
  await lesson.getByRole('button', { name: /Seu primeiro contêiner/ }).click();
  await expect(lesson.locator('[data-step="cleanup"][data-status="done"]')).toBeVisible({ timeout: 30_000 });
  await expect(lesson.locator('[data-step="inspect"] pre')).toContainText('CONTAINER ID');
  await expect(lesson.locator('[data-step="inspect"] pre')).toContainText('Exited (0)');
  await expect(lesson.locator('[data-step="inspect"] [data-testid="step-result"]')).toContainText('Ele continua lá, parado');
  expect(await prose(page)).not.toMatch(ENGINE_STATES);

  for (const container of [running, paused, exited, created]) await container.remove({ force: true });
});

test('a volume file named with a right-to-left override shows the marker, not a reversed name', async ({ page, webHost, docker }) => {
  const name = uniqueName('bidi');
  await docker.createVolume({ Name: name, Labels: { [TEST_LABEL]: '1' } });
  await runInVolume(docker, name, `printf x > "/data/$(printf '\\342\\200\\256')gpj.exe"`);
  await openApp(page, webHost);
  await page.goto(`${webHost.origin}/#volumes/${name}/files`);
  const row = page.getByTestId('file-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('⟨U+202E⟩gpj.exe');
  expect(await row.textContent()).not.toContain('\u202E');
  await docker.getVolume(name).remove();
});

test('the recreate dialog keeps the container’s name while it works', async ({ page, webHost, docker }) => {
  const volume = uniqueName('recriar');
  await docker.createVolume({ Name: volume, Labels: { [TEST_LABEL]: '1' } });
  const target = uniqueName('recriado');
  const container = await createTestContainer(docker, { name: target, Cmd: ['sh', '-c', 'while true; do sleep 1; done'] });
  await container.start();
  await openApp(page, webHost, 'pt-BR');
  await page.goto(`${webHost.origin}/#volumes/${volume}/attach`);
  await page.getByRole('tab', { name: 'Conectar a um contêiner' }).click();
  await page.getByTestId('attach-container').selectOption({ label: `${target} (rodando)` });
  await page.getByLabel('Caminho dentro do contêiner').nth(1).fill('/mnt/dados');
  await page.getByRole('button', { name: 'Adicionar ao contêiner' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  // Every title and text the dialog shows while it works, recorded in the page.
  await dialog.evaluate((element) => {
    const seen: string[] = [];
    (window as unknown as { seenDialogText: string[] }).seenDialogText = seen;
    new MutationObserver(() => seen.push(element.textContent ?? '')).observe(element, { subtree: true, childList: true, characterData: true });
  });
  await dialog.getByRole('button', { name: `Recriar ${target}` }).click();
  await expect(page.getByTestId('attach-done')).toBeVisible({ timeout: 30_000 });
  const seen = await page.evaluate(() => (window as unknown as { seenDialogText: string[] }).seenDialogText);
  expect(seen.join('\n')).not.toMatch(new RegExp(`${target}-old-\\d+`));
  await docker.getContainer(target).remove({ force: true });
  await docker.getVolume(volume).remove();
});

test('ports and instructions wrap only between words', async ({ page, webHost, docker }) => {
  const container = await createTestContainer(docker, {
    name: uniqueName('porta'),
    Cmd: ['sh', '-c', 'while true; do sleep 1; done'],
    ExposedPorts: { '80/tcp': {} },
    HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] } },
  });
  await container.start();
  await page.setViewportSize({ width: 900, height: 700 });
  await openApp(page, webHost);
  const port = page.locator(`[href="#containers/${container.id}/summary"]`).locator('xpath=ancestor::*[@role="row"]').locator('li').first();
  await expect(port).toContainText('→80/tcp');
  // One line box: "127.0.0.1:32769→80/tcp" is never split ("32769→8 / 0/tcp").
  expect(await port.evaluate((li) => li.getClientRects().length === 1 && li.scrollHeight <= parseFloat(getComputedStyle(li).lineHeight) * 1.5)).toBe(true);

  await page.goto(`${webHost.origin}/#images`);
  await page.getByLabel('Filter').fill(TEST_IMAGE);
  await page.getByRole('button', { name: `Details of ${TEST_IMAGE}` }).first().click();
  const instructions = page.getByTestId('layer-instruction');
  await expect(instructions.first()).toBeVisible();
  // No word (between spaces and slashes) of an instruction is split across two lines.
  const split = await instructions.evaluateAll((codes) =>
    codes.flatMap((code) => {
      const broken: string[] = [];
      const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
      for (let current = walker.nextNode(); current; current = walker.nextNode()) {
        const value = current.textContent ?? '';
        for (const match of value.matchAll(/[^\s/]+/g)) {
          const range = document.createRange();
          range.setStart(current, match.index);
          range.setEnd(current, match.index + match[0].length);
          const rects = [...range.getClientRects()];
          const tops = new Set(rects.map((rect) => Math.round(rect.top)));
          // A word wider than the whole line (a 64-digit hash) may only be split because it cannot fit.
          const width = rects.reduce((sum, rect) => sum + rect.width, 0);
          if (tops.size > 1 && width < code.clientWidth) broken.push(match[0]);
        }
      }
      return broken;
    }),
  );
  expect(split).toEqual([]);
  await container.remove({ force: true });
});
