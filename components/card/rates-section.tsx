import { useId } from 'react';
import {
  applyAddOns,
  MAIN_DELIVERABLE,
  type Deliverable,
  type Quote,
  type RateCard,
  type RateEstimate,
} from '@/lib/metrics';
import type { Platform } from '@/lib/model';
import { platformFacts } from '@/lib/platforms';
import { capitalize, money, moneyRange, num, percent, unitMoneyRange } from './format';
import { useSidebar } from './store';

const priceWithMid = (range: { low: number; mid: number; high: number }, currency: string) =>
  `${moneyRange(range, currency)} · mid ${money(range.mid, currency)}`;

function QuoteItem({
  quote,
  typical,
  audience,
}: {
  quote: Quote;
  typical: RateEstimate['typicalCpm'];
  /** The platform's word for its audience ("followers"). */
  audience: string;
}) {
  const { currency } = quote;
  const math: string[] = [];
  if (quote.cpe) math.push(`CPE ${unitMoneyRange(quote.cpe, currency)}`);
  else math.push('CPE unknown (ER unknown)');
  if (quote.cpm) {
    const per = `per 1K ${quote.cpmBasis === 'views' ? 'views' : audience}`;
    const vs =
      quote.cpmVsTypical === null
        ? ''
        : `, ${quote.cpmVsTypical} typical ${moneyRange({ low: typical.from, high: typical.to }, typical.currency)}`;
    math.push(`CPM ${unitMoneyRange(quote.cpm, currency)} ${per}${vs}`);
  }
  return (
    <li className="quote">
      <div className="quote-row">
        <span>{capitalize(quote.label)}</span>
        <strong>{moneyRange(quote, currency)}</strong>
      </div>
      <p className="quote-math">{math.join(' · ')}</p>
      <p className="formula">{quote.formula}</p>
    </li>
  );
}

/**
 * The itemised rate card: every deliverable's range with CPE and CPM beside it, and the add-ons as
 * toggles that build a total with the response's rate card (`applyAddOns`), never folded in.
 */
export function RatesSection({
  rates,
  rateCard,
  platform,
}: {
  rates: RateEstimate;
  rateCard: RateCard;
  platform: Platform;
}) {
  const addOns = useSidebar((s) => s.addOns);
  const toggleAddOn = useSidebar((s) => s.toggleAddOn);
  const quoteFor = useSidebar((s) => s.quoteFor);
  const set = useSidebar((s) => s.set);
  const ids = useId();
  const totalLabel = `${ids}-total`;

  if (rates.rates.length === 0) {
    return (
      <section className="detail-section" aria-labelledby="rates-heading">
        <h2 id="rates-heading">Rates</h2>
        <p>{rates.reason ?? 'No rate estimate.'}</p>
      </section>
    );
  }
  const wanted: Deliverable = quoteFor ?? MAIN_DELIVERABLE[platform];
  const chosen = rates.rates.find((q) => q.deliverable === wanted) ?? rates.rates[0]!;
  const total = applyAddOns(chosen, addOns, rateCard);
  const { currency } = chosen;

  return (
    <section className="detail-section" aria-labelledby="rates-heading">
      <h2 id="rates-heading">Rates</h2>
      <p className="muted small">
        Estimate, {rates.confidence} confidence. {rates.adjustment.note}.
        {rates.exchange
          ? ` Converted at ${num(rates.exchange.rate, 4)} ${rates.currency} per USD (entered for ${rates.exchange.date}).`
          : ''}
      </p>
      <ul className="plain quotes">
        {rates.rates.map((q) => (
          <QuoteItem
            key={q.deliverable}
            quote={q}
            typical={rates.typicalCpm}
            audience={platformFacts(platform).nouns.audience}
          />
        ))}
      </ul>

      <fieldset className="addons">
        <legend>Add-ons</legend>
        {rates.rates.length > 1 ? (
          <label className="field-inline">
            Total for{' '}
            <select
              value={chosen.deliverable}
              onChange={(e) => set({ quoteFor: e.target.value as Deliverable })}
            >
              {rates.rates.map((q) => (
                <option key={q.deliverable} value={q.deliverable}>
                  {q.label}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {rates.addOns.map((a) => (
          <label key={a.id} className="check">
            <input
              type="checkbox"
              checked={addOns.includes(a.id)}
              onChange={() => toggleAddOn(a.id)}
            />
            <span>
              {a.label} +{percent(a.percent, 2)}
              {a.per30Days ? ' per 30 days' : ''}
              {a.marketRange ? (
                <>
                  {' '}
                  <span className="muted nowrap">
                    (market {num(a.marketRange.from)}–{percent(a.marketRange.to, 0)})
                  </span>
                </>
              ) : null}
            </span>
          </label>
        ))}
        <dl className="total">
          <div className="total-item">
            <dt>Base ({chosen.label})</dt>
            <dd>{priceWithMid(total.base, currency)}</dd>
          </div>
          {total.items.map((item) => (
            <div key={item.id} className="total-item">
              <dt>
                + {item.label} {percent(item.percent, 2)}
              </dt>
              <dd>{priceWithMid(item, currency)}</dd>
            </div>
          ))}
          <div className="total-item total-sum">
            <dt id={totalLabel}>Total</dt>
            <dd>
              <output aria-labelledby={totalLabel}>{priceWithMid(total, currency)}</output>
            </dd>
          </div>
        </dl>
      </fieldset>
    </section>
  );
}
