/**
 * The end-to-end tests drive Debian's Chromium (Playwright's own browser download cannot reach its
 * servers from these machines). Install it when it is missing and we may (root with apt-get), else say how.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  const root = process.getuid?.() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) {
    console.error(`没有找到 Chromium（${path}）。请先安装：sudo apt-get update && sudo apt-get install -y chromium，或用 CHROMIUM_PATH 指定浏览器路径。`);
    process.exit(1);
  }
  console.error('Installing Chromium from Debian (apt-get install chromium) for the end-to-end tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-q', 'chromium'], { stdio: 'inherit', env });
}
