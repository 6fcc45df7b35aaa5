import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { platformNames } from './lib/format';
import { PLATFORMS } from './lib/platforms';
import { HOST_MATCHES } from './lib/platforms/hosts';
import { tapSources } from './lib/tap/allow-list';

/** Replaces the extension id in WXT's content-script event names with a per-load random value. */
function perLoadEventNames(): Plugin {
  const stable = '${browser?.runtime?.id}';
  return {
    name: 'per-load-event-names',
    enforce: 'pre',
    transform(code, id) {
      if (!/wxt\/dist\/utils\/internal\/custom-events\.mjs$/.test(id)) return null;
      // Fail the build rather than ship the stable names after a WXT upgrade moves them.
      if (!code.includes(stable))
        throw new Error(`${id}: WXT's event names changed; update wxt.config.ts`);
      const salt =
        'const loadSalt = globalThis.crypto?.randomUUID?.() ?? String(Math.random()).slice(2);';
      return { code: `${salt}\n${code.replace(stable, '${loadSalt}')}`, map: null };
    },
  };
}

// https://wxt.dev/api/config.html
export default defineConfig({
  // SCOUT_OUT_DIR lets two builds (a test run and a bench, say) live side by side.
  outDir: process.env.SCOUT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Scout',
    description: `Vet ${platformNames('and')} creators on their own pages: engagement, tier, fair rates and warnings. Local shortlists; no account.`,
    permissions: ['storage'],
    // Content scripts declare their own matches; no host_permissions are needed beyond them.
    web_accessible_resources: [
      {
        resources: ['sidebar.html'],
        matches: [...HOST_MATCHES],
        // A per-session URL, so host pages cannot fingerprint Scout by a stable extension id.
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    action: { default_title: 'Scout' },
    commands: {
      'toggle-card': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Show or hide the Scout card on this page',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'scout@scout-extension.org',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : // 131: use_dynamic_url regressed in 130; promise-returning listeners are not relied upon.
        { minimum_chrome_version: '131' }),
  }),
  hooks: {
    // WXT names its content-script events `<extension id>:<entrypoint>:wxt:…` and dispatches the
    // location-change one on the page's window: a page that knows Scout's id could listen for it,
    // or stop Scout with a forged "content script started". A per-load random prefix instead.
    'vite:build:extendConfig': (_entrypoints, config) => {
      config.plugins = [...(config.plugins ?? []), perLoadEventNames()];
    },
    // The tap's frames in a stack trace would otherwise name chrome-extension://<id>/…. The tap
    // removes its frames from errors that pass through it; the ones it cannot reach (a page's getter
    // called by fetch while the wrapper is on the stack) read like any evaluated code's.
    'build:done': (wxt) => {
      appendFileSync(
        join(wxt.config.outDir, 'content-scripts/tap.js'),
        '\n//# sourceURL=<anonymous>\n',
      );
    },
  },
  vite: () => ({
    build: { sourcemap: false },
    // The MAIN-world tap imports no platform (entrypoints/tap.content.ts): what it needs of the
    // registry is written in here, as plain data.
    define: {
      __SCOUT_HOST_MATCHES__: JSON.stringify(HOST_MATCHES),
      __SCOUT_TAP_SOURCES__: JSON.stringify(tapSources(PLATFORMS)),
    },
  }),
});
