// The order in which Vitest starts test files: the slowest known ones first, so the two cores are never left
// waiting on one long file at the end of a phase. Vitest's own order puts the files it has timings for longest first,
// but a fresh clone (CI) has none and it falls back to the largest files first: the PostgreSQL contract suite (a
// small file running a large shared suite) then started 109 s into the run and the real-browser file with the
// most tests 28 s into its phase, each ending its phase alone. Durations measured in `npm test` on 2026-12-05.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const SLOWEST_FIRST = [
  // jsdom and Node files (seconds)
  'tests/backend/contract/postgres.test.ts', // 48
  'tests/server/hardening.test.ts', // 46
  'tests/backend/contract/embedded.test.ts', // 17
  'tests/backend/postgres/db-load.test.ts', // 14
  'tests/features/search.test.tsx', // 13
  'tests/features/feed.test.tsx', // 12
  'tests/features/feed-daily.test.tsx', // 10
  'tests/server/postgres-server.test.ts', // 9
  'tests/backend/postgres/postgres-search-archive.test.ts', // 9
  // real-browser files
  'tests/e2e/display.e2e.test.ts', // 70
  'tests/e2e/daily-flow.e2e.test.ts', // 59
  'tests/e2e/offline.e2e.test.ts', // 50
  'tests/e2e/layout-shift.e2e.test.ts', // 33
  'tests/e2e/converter.e2e.test.ts', // 32
  'tests/e2e/feed.e2e.test.ts', // 29
  'tests/e2e/article.e2e.test.ts', // 24
  'tests/e2e/shortcuts.e2e.test.ts', // 20
];

const rank = (spec: TestSpecification) => {
  const index = SLOWEST_FIRST.findIndex((file) => spec.moduleId.endsWith(file));
  return index === -1 ? SLOWEST_FIRST.length : index;
};

export class SlowestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const position = new Map(sorted.map((spec, index) => [spec, index]));
    // Groups (sequence.groupOrder) keep their order; within one, the known slow files go first.
    return [...sorted].sort(
      (a, b) =>
        a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder ||
        rank(a) - rank(b) ||
        position.get(a)! - position.get(b)!,
    );
  }
}
