// Browser tests never skip: find Chromium, install Debian's package when we can, or say what to install.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export function ensureChromium() {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (existsSync(path)) return path;
  const canApt = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!process.env.CHROMIUM_PATH && canApt) {
    console.log("Samskriv: Chromium not found; installing Debian's chromium package for the browser tests…");
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit' });
    const install =
      update.status === 0 &&
      spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    if (install && install.status === 0 && existsSync(path)) return path;
  }
  console.error(
    `Browser tests need Chromium at ${path}: install Debian's "chromium" package (apt-get install chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}
