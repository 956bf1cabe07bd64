import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { articleSchema, isIsoDateTime } from '@/contract/news';

describe('publication times', () => {
  it.each([
    ['2026-11-27T04:50:00+03:00', true],
    ['2026-11-27T04:50+03:00', true],
    ['2026-11-27T23:59:59.5Z', true],
    ['2026-02-30T10:00:00+03:00', false], // not a day: Date.parse would say March 2
    ['2026-11-27T24:00:00+03:00', false],
    ['2026-11-27T10:60:00+03:00', false],
    ['2026-11-27T10:00:00', false], // no offset: which zone?
    ['2026-11-27T10:00:00+15:00', false],
    ['27.11.2026 10:00', false],
  ])('%s is a real instant: %s', (value, expected) => {
    expect(isIsoDateTime(value)).toBe(expected);
  });
});

describe("an imported story's link, source and photo", () => {
  const story = {
    id: 'a',
    title: 'Title',
    lead: '',
    publishedAt: '2026-11-27T04:50:00+03:00',
    topics: ['world'],
    pages: [['One paragraph.']],
  };

  it('keeps them when they are well formed', () => {
    const imported = {
      ...story,
      url: 'https://example.com/story',
      source: { name: 'Example News', url: 'https://example.com/' },
      image: { url: 'https://img.example.com/a.jpg', alt: 'A harbour', credit: 'Photo: AP', width: 640, height: 360 },
      undated: true,
    };
    expect(v.parse(articleSchema, imported)).toEqual(imported);
  });

  it('drops a malformed one and keeps the story', () => {
    const result = v.safeParse(articleSchema, {
      ...story,
      url: 'javascript:alert(1)',
      source: { name: '' },
      image: { url: 'data:image/png;base64,AAAA', width: -1 },
    });
    expect(result.success).toBe(true);
    expect(result.output).toEqual(story);
  });
});
