import { createRoot } from 'react-dom/client';
import { ask } from '@/lib/messaging/client';
import { OptionsApp } from '@/components/options-app';
import { getDb } from '@/lib/db/database';
import type { LayoutApi } from '@/components/hidden-sites';
import type { ChipSettingsApi } from '@/components/chip-settings';
import { CHIPS_KEY, readChipSettings } from '@/lib/settings/chips';
import { LAYOUT_KEY, readLayout, withShownSite } from '@/lib/settings/layout';
import { loadRateCard, resetRateCard, saveRateCard } from '@/lib/settings/rate-card';
import '@/components/scout.css';

const loadLayout = async () =>
  readLayout((await browser.storage.local.get(LAYOUT_KEY))[LAYOUT_KEY]);

const layout: LayoutApi = {
  load: loadLayout,
  async showOn(site) {
    await browser.storage.local.set({ [LAYOUT_KEY]: withShownSite(await loadLayout(), site) });
  },
  onChanged(callback) {
    const listener = (changes: Record<string, { newValue?: unknown }>) => {
      if (LAYOUT_KEY in changes) callback(readLayout(changes[LAYOUT_KEY]?.newValue));
    };
    browser.storage.local.onChanged.addListener(listener);
    return () => browser.storage.local.onChanged.removeListener(listener);
  },
};

const chips: ChipSettingsApi = {
  load: async () => readChipSettings((await browser.storage.local.get(CHIPS_KEY))[CHIPS_KEY]),
  save: (settings) => browser.storage.local.set({ [CHIPS_KEY]: settings }),
  onChanged(callback) {
    const listener = (changes: Record<string, { newValue?: unknown }>) => {
      if (CHIPS_KEY in changes) callback(readChipSettings(changes[CHIPS_KEY]?.newValue));
    };
    browser.storage.local.onChanged.addListener(listener);
    return () => browser.storage.local.onChanged.removeListener(listener);
  },
};

createRoot(document.getElementById('root')!).render(
  <OptionsApp
    db={getDb()}
    rateCard={{ load: loadRateCard, save: saveRateCard, reset: resetRateCard }}
    layout={layout}
    chips={chips}
    // The background's tab records (storage.session) must forget the removed creator(s) too.
    onDataRemoved={(removed) =>
      void ask('data/removed', 'creatorKey' in removed ? { creatorKey: removed.creatorKey } : {})
    }
  />,
);
