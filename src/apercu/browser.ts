/**
 * Opening the preview in the user's browser, when there is one to open: not in CI, not without a
 * graphical session (DISPLAY or WAYLAND_DISPLAY), not with --pas-de-navigateur. `xdg-open` on
 * Linux, `open` on macOS, `start` on Windows; a failure only means the user opens the URL.
 *
 * @example
 * if (browserAvailable(process.env, process.platform)) openBrowser(url);
 */
import { spawn } from 'node:child_process';

export function browserAvailable(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform,
): boolean {
  if (env.CI !== undefined && env.CI !== '' && env.CI !== 'false') return false;
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export function openBrowser(url: string, platform: NodeJS.Platform = process.platform): void {
  const [command, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener: the URL is printed anyway.
  }
}
