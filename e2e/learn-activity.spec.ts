import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createTestContainer } from './support/engine-fixtures';
import { expect, openApp, startHostFor, test } from './support/fixtures';
import { checkAndShoot } from './support/learn-fixtures';

const run = promisify(execFile);

test('the activity panel lists two actions in order, and its script repeats them on a fresh state', async ({ page, docker, context }) => {
  // A host of its own, so the log holds only this test's actions.
  const started = await startHostFor(process.env.DOCKER_HOST!);
  const first = await createTestContainer(docker, { Cmd: ['sleep', '600'] });
  const second = await createTestContainer(docker, { Cmd: ['sleep', '600'] });
  const [firstName, secondName] = await Promise.all([first, second].map(async (c) => (await c.inspect()).Name.slice(1)));
  try {
    await openApp(page, started.host);
    const row = (name: string) => page.locator(`[data-testid="container-row"][data-name="${name}"]`);
    await row(firstName).getByRole('button', { name: `Start ${firstName}` }).click();
    await expect(row(firstName)).toHaveAttribute('data-state', 'running');
    await row(secondName).getByRole('button', { name: `Start ${secondName}` }).click();
    await expect(row(secondName)).toHaveAttribute('data-state', 'running');

    await page.getByRole('button', { name: 'Activity (2)' }).click();
    const entries = page.getByTestId('activity-entry');
    await expect(entries).toHaveCount(2);
    await expect(entries.nth(0).locator('code')).toHaveText(new RegExp(`^docker start (${first.id.slice(0, 12)}|${firstName})$`));
    await expect(entries.nth(1).locator('code')).toHaveText(new RegExp(`^docker start (${second.id.slice(0, 12)}|${secondName})$`));
    await expect(entries.nth(0)).toHaveAttribute('data-outcome', 'ok');
    await expect(entries.nth(1)).toHaveAttribute('data-outcome', 'ok');

    await page.getByText('Show the script').click();
    const script = (await page.getByTestId('activity-script').textContent())!;
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy as a shell script' }).click();
    await expect(page.getByText('Copied.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(script);
    await checkAndShoot(page, 'activity-en');

    // Back to the state before the actions, then let the script do them again.
    await Promise.all([first.stop({ t: 0 }), second.stop({ t: 0 })]);
    expect((await first.inspect()).State.Running).toBe(false);
    await run('sh', ['-c', script], { env: { ...process.env } });
    expect((await first.inspect()).State.Running).toBe(true);
    expect((await second.inspect()).State.Running).toBe(true);

    await page.evaluate(() => localStorage.setItem('cais.language', 'pt-BR'));
    await page.reload();
    await page.getByRole('button', { name: 'Atividade (2)' }).click();
    await expect(page.getByRole('heading', { name: 'O que o Cais fez no engine' })).toBeVisible();
    await checkAndShoot(page, 'activity-pt-BR');
    await page.evaluate(() => localStorage.setItem('cais.language', 'en'));
  } finally {
    await Promise.all([first.remove({ force: true }), second.remove({ force: true })]);
    await started.close();
  }
});

test('a failed action is listed as failed, and stays a comment in the script', async ({ page, docker }) => {
  const started = await startHostFor(process.env.DOCKER_HOST!);
  const broken = await createTestContainer(docker, { Cmd: ['/no/such/binary'] });
  const name = (await broken.inspect()).Name.slice(1);
  try {
    await openApp(page, started.host);
    await page.locator(`[data-testid="container-row"][data-name="${name}"]`).getByRole('button', { name: `Start ${name}` }).click();
    await page.getByRole('button', { name: 'Activity (1)' }).click();
    await expect(page.getByTestId('activity-entry')).toHaveAttribute('data-outcome', 'failed');
    await page.getByText('Show the script').click();
    await expect(page.getByTestId('activity-script')).toContainText(/# docker start \S+/);
    await expect(page.getByTestId('activity-script')).not.toContainText(/^docker start/m);
  } finally {
    await broken.remove({ force: true });
    await started.close();
  }
});
