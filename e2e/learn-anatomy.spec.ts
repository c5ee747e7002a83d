import fs from 'node:fs';
import { createTestContainer } from './support/engine-fixtures';
import { expect, openApp, test } from './support/fixtures';
import { checkAndShoot } from './support/learn-fixtures';

test('the anatomy of a running container shows its real host PID, memory limit and a changed file', async ({ page, webHost, docker }) => {
  const container = await createTestContainer(docker, {
    Cmd: ['sleep', '600'],
    HostConfig: { Memory: 64 * 1024 * 1024, PidsLimit: 50 },
  });
  await container.start();
  try {
    // A file written inside the container lands in its writable layer.
    const exec = await container.exec({ Cmd: ['sh', '-c', 'echo proof > /anatomy-proof.txt'], AttachStdout: true, AttachStderr: true });
    const stream = await exec.start({});
    await new Promise((resolve) => stream.on('end', resolve).resume());
    const info = await container.inspect();
    const pid = info.State.Pid;
    expect(pid).toBeGreaterThan(0);

    await openApp(page, webHost);
    await page.goto(`${webHost.origin}/#containers/${info.Id}/anatomy`);
    const anatomy = page.getByTestId('anatomy');
    await expect(anatomy.getByTestId('host-pid')).toHaveText(String(pid));
    await expect(anatomy.getByTestId('memory-limit')).toHaveAttribute('data-bytes', String(64 * 1024 * 1024));
    await expect(anatomy.getByTestId('memory-limit')).toContainText('64 MiB');
    await expect(anatomy.locator('[data-path="/anatomy-proof.txt"]')).toHaveAttribute('data-kind', 'added');
    // The namespace ids are the kernel's own: the same links the host's /proc shows.
    const net = fs.readlinkSync(`/proc/${pid}/ns/net`);
    await expect(anatomy.locator('[data-ns="net"]')).toHaveAttribute('data-id', net);
    await expect(anatomy.locator('[data-ns="net"]')).toContainText('its own');
    await expect(anatomy.getByRole('heading', { name: /cgroup limits/ })).toBeVisible();
    await checkAndShoot(page, 'anatomy-en');

    await page.evaluate(() => localStorage.setItem('cais.language', 'pt-BR'));
    await page.reload();
    await expect(page.getByTestId('anatomy').getByTestId('host-pid')).toHaveText(String(pid));
    await expect(page.getByRole('heading', { name: /Limites do cgroup/ })).toBeVisible();
    await checkAndShoot(page, 'anatomy-pt-BR');
    await page.evaluate(() => localStorage.setItem('cais.language', 'en'));
  } finally {
    await container.remove({ force: true });
  }
});

for (const [language, noChanges, layers] of [
  ['en', 'No file changed yet.', 'Layers'],
  ['pt-BR', 'Nenhum arquivo mudou ainda.', 'Camadas'],
] as const) {
  test(`the anatomy of a container that changed no file shows its sections, not an error (${language})`, async ({ page, webHost, docker }) => {
    const container = await createTestContainer(docker, { Cmd: ['sleep', '600'] });
    await container.start();
    try {
      // The engine answers `docker diff` of such a container with an empty body.
      const changes: unknown = await container.changes();
      expect(Array.isArray(changes) && changes.length > 0).toBe(false);
      const info = await container.inspect();
      await openApp(page, webHost, language);
      await page.goto(`${webHost.origin}/#containers/${info.Id}/anatomy`);
      const anatomy = page.getByTestId('anatomy');
      await expect(anatomy.getByTestId('host-pid')).toHaveText(String(info.State.Pid));
      await expect(anatomy.locator('[data-part="layers"] h2')).toContainText(layers);
      for (const part of ['layers', 'mounts', 'network']) await expect(anatomy.locator(`[data-part="${part}"]`)).toBeVisible();
      await expect(anatomy.getByText(noChanges)).toBeVisible();
      await expect(page.getByRole('alert')).toHaveCount(0);
    } finally {
      await container.remove({ force: true });
    }
  });
}
