import { useEffect, useState } from 'react';
import { rateBase, type RateCard } from '@/lib/metrics/rates';
import type { Platform } from '@/lib/model';
import type { PlatformFacts } from '@/lib/platforms/facts';
import { FACTS_IN_ORDER } from '@/lib/platforms';
import { capitalize } from './card/format';
import type { LoadedRateCard } from '@/lib/settings/rate-card';

export interface RateCardApi {
  load(): Promise<LoadedRateCard>;
  /** Returns a readable error, or null when saved. */
  save(card: RateCard): Promise<string | null>;
  reset(): Promise<void>;
}

type Field = {
  label: string;
  get: (c: RateCard) => number;
  set: (c: RateCard, v: number) => RateCard;
};

const base = (platform: Platform, key: string, label: string): Field => ({
  label,
  get: (c) => rateBase(c, platform)[key] ?? 0,
  set: (c, v) => ({
    ...c,
    base: { ...c.base, [platform]: { ...rateBase(c, platform), [key]: v } },
  }),
});
const addOn = (key: keyof RateCard['addOns'], label: string): Field => ({
  label,
  get: (c) => c.addOns[key],
  set: (c, v) => ({ ...c, addOns: { ...c.addOns, [key]: v } }),
});

/** The main deliverable's label of a platform ("video"). */
const mainLabel = (facts: PlatformFacts) =>
  facts.rates.deliverables.find((d) => d.id === facts.rates.main)?.label ?? facts.rates.main;

/**
 * One row per platform for its base price, then each platform's other deliverables as multiples
 * of its main one: the rows are the registered platforms' facts.
 */
const SECTIONS: { title: string; unit: string; fields: Field[] }[] = [
  {
    title: 'Base price per 1,000 followers (USD)',
    unit: '$',
    fields: FACTS_IN_ORDER.map(([id, facts]) =>
      base(id, 'per1kFollowers', `${facts.name} ${mainLabel(facts)}`),
    ),
  },
  ...FACTS_IN_ORDER.flatMap(([id, facts]) => {
    const formats = facts.rates.deliverables.filter((d) => d.id !== facts.rates.main);
    if (formats.length === 0) return [];
    return [
      {
        title: `${facts.name} formats (× the ${mainLabel(facts)} price)`,
        unit: '×',
        fields: formats.map((d) => base(id, d.id, d.formLabel ?? capitalize(d.label))),
      },
    ];
  }),
  {
    title: 'Add-ons (% of the deliverable’s price)',
    unit: '%',
    fields: [
      addOn('usage-rights', 'Paid usage rights, per 30 days'),
      addOn('exclusivity', 'Exclusivity, per 30 days'),
      addOn('whitelisting', 'Whitelisting / Spark Ads'),
      addOn('rush', 'Rush delivery'),
    ],
  },
];

/** The editable rate card: base rates, format premiums, add-ons and currency. */
export function RateCardForm({ api }: { api: RateCardApi }) {
  const [loaded, setLoaded] = useState<LoadedRateCard | null>(null);
  const [card, setCard] = useState<RateCard | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  useEffect(() => {
    void api.load().then((l) => {
      setLoaded(l);
      setCard(l.card);
    });
  }, [api]);

  if (!card || !loaded) return <p role="status">Loading the rate card…</p>;

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    const error = await api.save(card);
    setMessage(
      error
        ? { error: true, text: `Not saved: ${error}` }
        : { error: false, text: 'Rate card saved' },
    );
    if (!error) setLoaded({ card, source: 'saved' });
  };
  const onReset = async () => {
    await api.reset();
    const fresh = await api.load();
    setLoaded(fresh);
    setCard(fresh.card);
    setMessage({ error: false, text: 'Rate card reset to the defaults' });
  };
  const foreign = card.currency !== 'USD';

  return (
    <form onSubmit={onSubmit} aria-labelledby="rate-card-heading">
      <h2 id="rate-card-heading">Rate card</h2>
      {loaded.source === 'invalid' && (
        <p role="alert" className="error">
          The saved rate card could not be read, so Scout is using the defaults. Saving this form
          replaces it.
        </p>
      )}
      {SECTIONS.map((section) => (
        <fieldset key={section.title}>
          <legend>{section.title}</legend>
          {section.fields.map((field) => (
            <label key={field.label} className="field">
              <span>{field.label}</span>
              <input
                type="number"
                min={0}
                step="any"
                required
                value={field.get(card)}
                onChange={(e) => setCard(field.set(card, Number(e.target.value)))}
              />
              <span className="muted">{section.unit}</span>
            </label>
          ))}
        </fieldset>
      ))}
      <fieldset>
        <legend>Currency</legend>
        <label className="field">
          <span>Show prices in</span>
          <input
            value={card.currency}
            maxLength={3}
            pattern="[A-Z]{3}"
            onChange={(e) => {
              const currency = e.target.value.toUpperCase();
              setCard(
                currency === 'USD'
                  ? { ...card, currency, exchange: undefined }
                  : { ...card, currency },
              );
            }}
          />
        </label>
        {foreign && (
          <>
            <label className="field">
              <span>{card.currency} per 1 USD</span>
              <input
                type="number"
                min={0}
                step="any"
                required
                value={card.exchange?.rate ?? ''}
                onChange={(e) =>
                  setCard({
                    ...card,
                    exchange: { date: card.exchange?.date ?? '', rate: Number(e.target.value) },
                  })
                }
              />
            </label>
            <label className="field">
              <span>Rate as of</span>
              <input
                type="date"
                required
                value={card.exchange?.date ?? ''}
                onChange={(e) =>
                  setCard({
                    ...card,
                    exchange: { rate: card.exchange?.rate ?? 0, date: e.target.value },
                  })
                }
              />
            </label>
            <p className="muted">
              Scout has no network: enter the exchange rate you want it to use.
            </p>
          </>
        )}
      </fieldset>
      <div className="row">
        <button type="submit">Save rate card</button>
        <button type="button" className="secondary" onClick={onReset}>
          Reset to defaults
        </button>
      </div>
      {message && (
        <p
          role={message.error ? 'alert' : 'status'}
          className={message.error ? 'error' : undefined}
        >
          {message.text}
        </p>
      )}
    </form>
  );
}
