import { useEffect, useState } from 'react';
import type { Layout } from '@/lib/settings/layout';

export interface LayoutApi {
  load(): Promise<Layout>;
  /** Shows the card again on a site the user hid it on. */
  showOn(site: string): Promise<void>;
  onChanged(callback: (layout: Layout) => void): () => void;
}

/** The sites where the user hid the card, each with a way back. */
export function HiddenSites({ api }: { api: LayoutApi }) {
  const [layout, setLayout] = useState<Layout | null>(null);
  useEffect(() => {
    void api.load().then(setLayout);
    return api.onChanged(setLayout);
  }, [api]);
  if (!layout) return null;
  return (
    <section aria-labelledby="hidden-heading">
      <h2 id="hidden-heading">Sites where the card is hidden</h2>
      {layout.hiddenHosts.length === 0 ? (
        <p className="muted">None: the card shows on every creator page.</p>
      ) : (
        <ul>
          {layout.hiddenHosts.map((site) => (
            <li key={site} className="row">
              <span>{site}</span>
              <button type="button" className="secondary" onClick={() => void api.showOn(site)}>
                Show the card on {site}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
