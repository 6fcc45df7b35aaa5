import { displayHandle, formatCount, PLATFORM_NAMES } from '@/lib/format';
import type { ProfileSnapshot } from '@/lib/model';

/** Who the creator is and their headline counts; unknown counts say so, never 0. */
export function CreatorSummary({ snapshot }: { snapshot: ProfileSnapshot }) {
  const { platform, handle, displayName, precision } = snapshot;
  const audience =
    platform === 'linkedin' &&
    snapshot.followers === undefined &&
    snapshot.connections !== undefined
      ? { label: 'Connections', value: snapshot.connections, precision: precision.connections }
      : { label: 'Followers', value: snapshot.followers, precision: precision.followers };
  return (
    <section aria-label="Creator">
      <h1>{displayName ?? displayHandle(platform, handle)}</h1>
      <p className="row muted">
        <span>{displayHandle(platform, handle)}</span>
        <span className="chip">{PLATFORM_NAMES[platform]}</span>
      </p>
      <dl className="stats">
        <div className="stat">
          <dt>{audience.label}</dt>
          <dd>{formatCount(audience.value, audience.precision)}</dd>
        </div>
        <div className="stat">
          <dt>{platform === 'tiktok' ? 'Videos' : 'Posts'}</dt>
          <dd>{formatCount(snapshot.posts, precision.posts)}</dd>
        </div>
        <div className="stat">
          <dt>Recent posts read</dt>
          <dd>{snapshot.recentPosts.length}</dd>
        </div>
      </dl>
    </section>
  );
}
