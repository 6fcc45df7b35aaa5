import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

/** The built extension to load (override with SCOUT_EXTENSION_DIR to test another build). */
export const EXTENSION_DIR =
  process.env.SCOUT_EXTENSION_DIR ?? resolve(import.meta.dirname, '../../.output/chrome-mv3');

/** The browser to drive: CHROMIUM_PATH, else Debian's Chromium (Chrome 137+ ignores --load-extension). */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found)
    throw new Error(
      'No Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH',
    );
  return found;
}

export interface ScoutBrowser {
  context: BrowserContext;
  /** The extension's service worker as it runs now (MV3 stops and restarts it at will). */
  worker(): Promise<Worker>;
  extensionId: string;
  /** `chrome-extension://<id>/<page>` */
  pageUrl(page: string): string;
  close(): Promise<void>;
}

/**
 * Chromium with the built extension loaded, the three platforms' hosts mapped to the demo server.
 * `extension: false` launches the same browser with the same flags but without Scout (the bench's
 * baseline); it has no service worker, so `worker()` rejects and `extensionId` is ''.
 */
export async function launchScout(
  options: { headless?: boolean; extension?: boolean; extensionDir?: string } = {},
): Promise<ScoutBrowser> {
  const withExtension = options.extension ?? true;
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (withExtension && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run npm run build first`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'scout-profile-'));
  const hostRules = ['tiktok.com', 'instagram.com', 'linkedin.com']
    .flatMap((d) => [`MAP ${d} 127.0.0.1`, `MAP *.${d} 127.0.0.1`])
    .concat(['MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1'])
    .join(', ');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 800 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      ...(withExtension
        ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
        : []),
      '--no-sandbox',
      '--no-first-run',
      '--disable-gpu',
      '--disable-sync',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
      `--host-resolver-rules=${hostRules}`,
    ],
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  if (!withExtension) {
    return {
      context,
      worker: () => Promise.reject(new Error('launched without the extension')),
      extensionId: '',
      pageUrl: (page) => page,
      close,
    };
  }
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker: async () =>
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker')),
    extensionId,
    pageUrl: (page) => `chrome-extension://${extensionId}/${page}`,
    close,
  };
}
