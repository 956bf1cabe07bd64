// "Did you mean …?": when a search finds nothing, a query built from the archive's own words that would find
// something with the same filters. Only words found nowhere (the last word: nowhere as a start) are corrected,
// each to one of its closest archive words; the combinations are tried closest first.
import { typoAllowance } from '../../contract/words.ts';
import { termNumber, prefixRange } from './search-index.ts';
import { expandWord, type Matcher, type MatchFilter, type SearchContext } from './search-match.ts';
import { closeWords } from './search-typos.ts';

/** Corrections considered per word, and combinations tried in all. */
const OPTIONS_PER_WORD = 3;
const MAX_TRIES = 27;

/**
 * A suggestion is only offered, never applied, so it may reach further than the typo rule: one edit for words of 3
 * to 6 letters ("bnk" -> "bank"), two from 7 letters ("govrment" -> "government").
 */
const suggestionAllowance = (word: string) => (word.length < 3 ? 0 : word.length < 7 ? 1 : 2);

export function suggestQuery(
  context: SearchContext,
  matcher: Matcher,
  terms: readonly string[],
  typed: ReadonlyMap<string, string>,
  filter: MatchFilter,
): string | null {
  const { index, vocabulary } = context;
  const options = terms.map((term, i) => {
    const isLast = i === terms.length - 1;
    const known = isLast ? prefixRange(index, term)[1] > prefixRange(index, term)[0] : termNumber(index, term) >= 0;
    if (known) return [{ text: typed.get(term) ?? term, distance: 0, expansions: expandWord(context, term, isLast) }];
    // A last word may be unfinished: its start may also be corrected, within the typo rule ("govrnm" -> "government").
    const prefixMax = isLast && typoAllowance(term) > 0 ? 1 : null;
    return closeWords(index, vocabulary, term, suggestionAllowance(term), OPTIONS_PER_WORD, prefixMax).map((close) => ({
      text: index.terms[close.term]!,
      distance: close.distance,
      expansions: [{ term: close.term, weight: 1, tier: 0 }],
    }));
  });
  if (options.every((o) => o[0]?.distance === 0) || options.some((o) => o.length === 0)) return null;

  // Every combination of one option per word, fewest edits first (a handful: at most 3 per corrected word).
  let combinations: number[][] = [[]];
  for (const choices of options) combinations = combinations.flatMap((c) => choices.map((_, k) => [...c, k]));
  const edits = (c: number[]) => c.reduce((sum, k, i) => sum + options[i]![k]!.distance, 0);
  combinations.sort((a, b) => edits(a) - edits(b));
  for (const combination of combinations.slice(0, MAX_TRIES)) {
    const chosen = combination.map((k, i) => options[i]![k]!);
    if (
      matcher.match(
        chosen.map((c) => c.expansions),
        filter,
      ).docs.length > 0
    ) {
      return chosen.map((c) => c.text).join(' ');
    }
  }
  return null;
}
