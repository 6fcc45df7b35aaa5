import { useEffect, useState } from 'react';
import { FACTS_IN_ORDER } from '@/lib/platforms';
import { chipsOn, type ChipSettings } from '@/lib/settings/chips';

export interface ChipSettingsApi {
  load(): Promise<ChipSettings>;
  save(settings: ChipSettings): Promise<void>;
  onChanged(callback: (settings: ChipSettings) => void): () => void;
}

/** Chips beside creators in feeds and search, on or off per platform. */
export function ChipSettingsForm({ api }: { api: ChipSettingsApi }) {
  const [settings, setSettings] = useState<ChipSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.load().then(setSettings);
    return api.onChanged(setSettings);
  }, [api]);
  if (!settings) return null;
  const toggle = async (id: string, on: boolean) => {
    const next = { ...settings, [id]: on };
    setSettings(next);
    try {
      await api.save(next);
      setError(null);
    } catch (e) {
      setSettings(settings);
      setError(`Scout could not save this setting: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <section aria-labelledby="chips-heading">
      <h2 id="chips-heading">Chips in feeds and search</h2>
      <p className="muted">
        Beside each creator in a feed, search results or a grid, a chip with their tier, followers
        and engagement, from what the page already loaded.
      </p>
      <ul className="plain">
        {FACTS_IN_ORDER.map(([id, facts]) => (
          <li key={id}>
            <label>
              <input
                type="checkbox"
                checked={chipsOn(settings, id)}
                onChange={(event) => void toggle(id, event.target.checked)}
              />{' '}
              Chips on {facts.name}
            </label>
          </li>
        ))}
      </ul>
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
