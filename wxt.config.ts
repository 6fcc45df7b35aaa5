import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'wxt';
import { HOST_MATCHES } from './lib/platforms/hosts';

// https://wxt.dev/api/config.html
export default defineConfig({
  // SCOUT_OUT_DIR lets two builds (a test run and a bench, say) live side by side.
  outDir: process.env.SCOUT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Scout',
    description:
      'Vet TikTok, Instagram and LinkedIn creators on their own pages: engagement, tier, fair rates and warnings. Local shortlists; no account.',
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
    // Stack traces through the tap would otherwise name chrome-extension://<id>/...: a stable
    // fingerprint of Scout for any page that throws through fetch.
    'build:done': (wxt) => {
      appendFileSync(
        join(wxt.config.outDir, 'content-scripts/tap.js'),
        '\n//# sourceURL=fetch.js\n',
      );
    },
  },
  vite: () => ({
    build: { sourcemap: false },
  }),
});
