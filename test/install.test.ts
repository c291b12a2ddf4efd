// Installing rota outside the clone, as an office does (README, first section): the tarball `npm pack`
// makes, installed globally into a fresh prefix, plans init's example and the bundled one. The built
// dist/ ships in the tarball, so the install builds nothing (npm test builds dist first).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const run = (cmd: string, args: string[], cwd = process.cwd()) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('npm pack, then npm install -g from the tarball', () => {
  it('the installed rota plans init’s example and the bundled seed round', { timeout: 240_000 }, () => {
    const tmp = mkdtempSync(join(tmpdir(), 'rota-install-'));
    const pack = run('npm', ['pack', '--ignore-scripts', '--pack-destination', tmp]);
    expect(pack.code, pack.err).toBe(0);
    const tgz = join(tmp, readdirSync(tmp).find((f) => f.endsWith('.tgz'))!);
    const prefix = join(tmp, 'prefix');
    const install = (mode: string) => run('npm', ['install', '-g', '--prefix', prefix, mode, '--no-audit', '--no-fund', tgz]);
    // Dependencies come from the npm cache; a cache without their metadata may ask the registry once.
    let r = install('--offline');
    if (r.code !== 0) r = install('--prefer-offline');
    expect(r.code, r.err).toBe(0);
    const installed = join(prefix, 'lib', 'node_modules', 'rota');
    expect(existsSync(join(installed, 'dist', 'index.js'))).toBe(true);
    const rota = join(prefix, 'bin', 'rota');
    const office = join(tmp, '2024第四轮');
    mkdirSync(office);
    expect(run(rota, ['init'], office).code).toBe(0);
    const plan = run(rota, ['plan', '-c', 'rota.json'], office);
    expect(plan.code, plan.err).toBe(0);
    expect(plan.out).toContain('12 个工作日，12 人次');
    const seed = run(rota, ['plan', '-c', join(installed, 'fixtures', 'rota.json')], office);
    expect(seed.code, seed.err).toBe(0);
  });
});
