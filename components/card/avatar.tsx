import type { CSSProperties } from 'react';

/** Up to two initials: "Mara Bakes" → "MB", "mara.bakes" → "MB", "jane" → "J". */
export function initials(name: string): string {
  const words = name
    .replace(/^@/, '')
    .split(/[\s._-]+/u)
    .filter((w) => w.length > 0);
  return words
    .slice(0, 2)
    .map((w) => (Array.from(w)[0] ?? '').toLocaleUpperCase())
    .join('');
}

/** A stable hue per creator, so two creators side by side are told apart at a glance. */
function hueOf(seed: string): number {
  let h = 0;
  for (const ch of seed) h = (h * 31 + (ch.codePointAt(0) ?? 0)) % 360;
  return h;
}

/**
 * The creator's initials in a circle. Scout loads no remote images: a profile photo would be a
 * request to the platform's CDN from the extension, and the name beside it says who this is.
 */
export function Avatar({ name, seed, small }: { name: string; seed: string; small?: boolean }) {
  const style = { '--avatar-hue': hueOf(seed) } as CSSProperties;
  return (
    <span className={small ? 'avatar avatar-small' : 'avatar'} style={style} aria-hidden="true">
      {initials(name)}
    </span>
  );
}

/** The avatar's place while there is no creator yet: same size, so nothing moves when one arrives. */
export function AvatarPlaceholder({ small }: { small?: boolean }) {
  return (
    <span
      className={small ? 'avatar avatar-small placeholder' : 'avatar placeholder'}
      aria-hidden="true"
    />
  );
}
