import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv';
import { load as parseYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';

/** The installers' configuration and the release workflow, checked without building anything. */
const ROOT = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const config = parseYaml(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('electron-builder.yml', () => {
  it("passes electron-builder's own JSON schema", () => {
    const schema = JSON.parse(fs.readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema test can fail: an unknown key and a wrong type are rejected', () => {
    const schema = JSON.parse(fs.readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate({ ...config, productNmae: 'typo' })).toBe(false);
    expect(validate({ ...config, linux: { ...config.linux, target: 42 } })).toBe(false);
  });

  it('names the app and builds every installer we promise', () => {
    expect(config.productName).toBe('Cais');
    expect(config.appId).toMatch(/^[a-z0-9]+(\.[a-z0-9-]+)+$/);
    expect(config.linux.target).toEqual(['AppImage', 'deb', 'rpm']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(config.files).toEqual(['out/**', 'package.json']);
    expect(config.linux.desktop.entry.Categories).toBe('Development;System;');
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(pkg.homepage).toMatch(/^https:\/\//); // deb and rpm take their homepage from package.json
  });

  it('flips the Electron fuses that close the ways around the app (runAsNode, NODE_OPTIONS, --inspect, asar)', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
    // Integrity is checked on app.asar, so the app must be packed into one.
    expect(config.asar).toBe(true);
    // Every key is one electron-builder hands to @electron/fuses (its schema refuses others).
    const schema = JSON.parse(fs.readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
    expect(Object.keys(schema.definitions.FuseOptionsV1.properties)).toEqual(expect.arrayContaining(Object.keys(config.electronFuses)));
  });

  it('electron is a devDependency, as electron-builder requires', () => {
    expect(pkg.dependencies.electron).toBeUndefined();
    expect(pkg.devDependencies.electron).toBeDefined();
  });

  it('every icon it points to exists and is the right kind of file', () => {
    const icns = fs.readFileSync(path.join(ROOT, config.mac.icon));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const ico = fs.readFileSync(path.join(ROOT, config.win.icon));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(5);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      const png = fs.readFileSync(path.join(ROOT, config.linux.icon, `${size}x${size}.png`));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]); // IHDR width, height
    }
  });
});

describe('.github/workflows/release.yml', () => {
  const workflow = parseYaml(fs.readFileSync(path.join(ROOT, '.github/workflows/release.yml'), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it('runs on a pushed v* tag, with a job per OS that builds and publishes', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
    const jobs = Object.values(workflow.jobs) as { 'runs-on': string; steps: { run?: string }[] }[];
    const runners = jobs.map((job) => job['runs-on'].split('-')[0]).sort();
    expect(runners).toEqual(['macos', 'ubuntu', 'windows']);
    for (const job of jobs) {
      const commands = job.steps.map((s) => s.run ?? '').join('\n');
      expect(commands).toContain('npm ci');
      expect(commands).toMatch(/electron-builder .*--publish always/);
    }
    expect(workflow.permissions.contents).toBe('write');
  });

  type Step = { run?: string; env?: Record<string, string> };
  const buildStep = (job: string) => (workflow.jobs[job].steps as Step[]).find((step) => /electron-builder /.test(step.run ?? ''))!;

  it('signs and notarises with the secrets it is given, and drops the unset ones instead of signing with an empty one', () => {
    const mac = buildStep('macos');
    for (const name of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']) {
      expect(mac.env?.[name]).toBe(`\${{ secrets.${name} }}`);
      expect(mac.run).toContain(name);
    }
    expect(mac.run).toMatch(/\[ -n "\$\{!name\}" \] \|\| unset "\$name"/);
    // Without a certificate, do not pick one from the runner's keychain.
    expect(mac.run).toContain('CSC_IDENTITY_AUTO_DISCOVERY=false');
    const win = buildStep('windows');
    for (const name of ['WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD']) expect(win.env?.[name]).toBe(`\${{ secrets.${name} }}`);
    expect(win.run).toMatch(/unset "\$name"/);
  });

  it('docs/packaging.md names every secret the workflow reads', () => {
    const text = fs.readFileSync(path.join(ROOT, '.github/workflows/release.yml'), 'utf8');
    const secrets = [...new Set([...text.matchAll(/secrets\.([A-Z_]+)/g)].map((match) => match[1]))];
    expect(secrets.length).toBeGreaterThan(5);
    const docs = fs.readFileSync(path.join(ROOT, 'docs/packaging.md'), 'utf8');
    for (const name of secrets) expect(docs, name).toContain(`| \`${name}\` |`);
  });
});
