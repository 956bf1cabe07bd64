// The layer rules of eslint.config.js catch what they promise: each case lints a snippet as if it lived at `file`.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('layers enforced by lint', () => {
  it.each([
    ['shared UI importing a feature', 'src/components/probe.tsx', "import '@/features/article/article-page';"],
    ['a store importing a component', 'src/stores/probe.ts', "import '@/components/button';"],
    ['lib importing the API client', 'src/lib/probe.ts', "import '@/api/http';"],
    ['the contract importing lib', 'src/contract/probe.ts', "import '../lib/env.ts';"],
    ['a feature importing another', 'src/features/feed/probe.ts', "import '@/features/search/search-page';"],
    ['a feature importing the shell, lazily', 'src/features/feed/probe.ts', "void import('@/app/routes');"],
    ['the backend importing client code', 'src/backend/embedded/probe.ts', "import '../../lib/env.ts';"],
    ['the backend importing a server', 'src/backend/probe.ts', "import '../server/start.ts';"],
    ['the HTTP plugin importing an adapter', 'src/backend/http/probe.ts', "import '../embedded/embedded-backend.ts';"],
    ['an adapter importing the HTTP plugin', 'src/backend/embedded/probe.ts', "import '../http/api-plugin.ts';"],
    ['a server importing client code', 'src/server/probe.ts', "import '../api/http.ts';"],
    ['a tool importing a server', 'src/tools/probe.ts', "import '../server/production-server.ts';"],
    ['the app importing the backend', 'src/app/probe.ts', "import '@/backend/ports';"],
    ['a feature importing a tool', 'src/features/feed/probe.ts', "void import('@/tools/generate-data');"],
  ])('refuses %s', async (_case, file, code) => {
    expect(await ruleIds(file, code)).toContain('import-x/no-restricted-paths');
  });

  it.each([
    [
      'a server composing the backend',
      'src/server/probe.ts',
      ["import '../backend/embedded/embedded-backend.ts';", "import '../backend/http/api-plugin.ts';"],
    ],
    [
      'the page renderer rendering the app',
      'src/server/render-page.tsx',
      ["import '@/app/routes';", "import '@/api/http';", "import './in-process-fetch.ts';"],
    ],
    ['a tool using the embedded adapter', 'src/tools/probe.ts', ["import '../backend/embedded/embedded-rates.ts';"]],
    [
      'the HTTP plugin using the ports and the contract',
      'src/backend/http/probe.ts',
      ["import '../ports.ts';", "import '../../contract/api-query.ts';"],
    ],
  ])('allows %s', async (_case, file, imports) => {
    expect(await ruleIds(file, imports.join('\n'))).toEqual([]);
  });

  it.each([
    ['a feature using shared UI, stores, the API and lib', 'src/features/feed/probe.ts'],
    ['the app shell composing features', 'src/app/probe.ts'],
  ])('allows %s', async (_case, file) => {
    const code = [
      "import '@/components/button';",
      "import '@/stores/topic-filter-store';",
      "import '@/api/articles';",
      "import '@/lib/agency-time';",
      "import '@/contract/words';",
      ...(file.startsWith('src/app') ? ["import '@/features/feed/feed-page';"] : []),
    ].join('\n');
    expect(await ruleIds(file, code)).toEqual([]);
  });

  it('refuses an import cycle, static or dynamic', async () => {
    // lib/agency-time imports lib/env: env importing it back closes a cycle.
    expect(await ruleIds('src/lib/env.ts', "void import('./agency-time');")).toContain('import-x/no-cycle');
  });
});
