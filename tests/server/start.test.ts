import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('npm start with a data file it cannot serve', () => {
  it('stops with the file, record and field, and no stack trace to dig it out of', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bad-data-'));
    copyFileSync('mock-data/topics.json', path.join(dir, 'topics.json'));
    const articles = JSON.parse(readFileSync('mock-data/articles.json', 'utf8')) as { publishedAt: string }[];
    articles[3]!.publishedAt = '2026-02-30T10:00:00+03:00';
    writeFileSync(path.join(dir, 'articles.json'), JSON.stringify(articles));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/start.ts'], {
      // MOCK_DATA_DIR: the data folder's former name, still read (DATA_DIR is unset here).
      env: { ...process.env, DATA_DIR: '', MOCK_DATA_DIR: dir, PORT: '0' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/articles\.json: record 3 .*field "publishedAt"/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('npm start with a PUBLIC_URL that is not an origin', () => {
  it('stops at once, saying what PUBLIC_URL must be', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/start.ts'], {
      env: { ...process.env, PUBLIC_URL: 'https://news.example.com/agency', PORT: '0' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'PUBLIC_URL must be an http(s) origin such as https://news.example.com (no path, query or credentials), got "https://news.example.com/agency"',
    );
  });
});
