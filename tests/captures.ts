import { existsSync } from 'node:fs';
import { describe } from 'vitest';

/**
 * A describe block over the real captures: other people's pages and payloads in ../shared/fixtures
 * (or SCOUT_FIXTURES), never copied into the project (PROVENANCE.md). CI has them beside the
 * project and runs every block. A checkout without them cannot run these tests, which read those
 * files and nothing else: the block is then skipped, and a line says which and why, so that a
 * green run never hides that they did not run.
 */
export function describeCaptures(name: string, folder: string, body: () => void): void {
  const present = existsSync(folder);
  if (!present) {
    console.warn(
      `[captures] skipped "${name}": ${folder} is absent (set SCOUT_FIXTURES to run it)`,
    );
  }
  // Reason for the skip: the captures folder is absent, so these tests have nothing to read (see above).
  describe.skipIf(!present)(name, body); // skipped only without the captures folder: nothing to read
}
