// What a search asks of the GIN index: per typo tier, a tsquery over the archive words standing for the query's
// words (search-words.ts), with what the vocabulary says of how many stories it may match.
import type { Expansion } from './search-words.ts';

const lexeme = (word: string) => `'${word.replace(/['\\]/g, '$&$&')}'`;
/** A tsquery matching any of the words. */
const anyOf = (words: readonly string[]) => `(${words.map(lexeme).join(' | ')})`;

/**
 * What stories must hold: a tsquery, and when it is only "any of these words", the words as single-word tsqueries.
 * The GIN index reads a long OR of words several times faster as one scan per word than as one tsquery (whose whole
 * tree it evaluates for every story any of the words leads to): 38 against 115 ms for the 50 completions of "con"
 * at 100,000 stories.
 */
export interface Match {
  query: string;
  anyWord?: readonly string[];
  /** About how many stories match (from the words' story counts, as if independent), when known. */
  estimate: number | null;
}

/** Stories holding, for each group, any of its words; `documents`: the archive's size. */
export function allOf(groups: readonly (readonly Expansion[])[], documents: number): Match {
  const share = (group: readonly Expansion[]) =>
    Math.min(1, group.reduce((sum, e) => sum + e.documents, 0) / Math.max(1, documents));
  const estimate = groups.reduce((product, group) => product * share(group), documents);
  const words = groups.map((group) => group.map((e) => e.word));
  return groups.length === 1
    ? { query: anyOf(words[0]!), anyWord: words[0]!.map(lexeme), estimate }
    : { query: words.map(anyOf).join(' & '), estimate };
}

export interface Tier {
  tier: number;
  /** The stories whose words' closest expansions add up to this tier. */
  match: Match;
}

/**
 * One query per typo tier. A word's expansions form groups by tier; a story's tier is the sum over the words of the
 * lowest group it holds, so each way of picking one group per word is "this group and none closer", and a tier's
 * query joins the picks that add up to it.
 */
export function tiersOf(words: readonly (readonly Expansion[])[], documents: number): Tier[] {
  const groups = words.map((expansions) => {
    const byTier = new Map<number, Expansion[]>();
    for (const expansion of expansions) byTier.set(expansion.tier, [...(byTier.get(expansion.tier) ?? []), expansion]);
    return [...byTier].sort(([a], [b]) => a - b);
  });
  let picks: { tier: number; parts: Match[] }[] = [{ tier: 0, parts: [] }];
  for (const wordGroups of groups) {
    picks = picks.flatMap((pick) =>
      wordGroups.map(([tier, group], g) => {
        const closer = wordGroups.slice(0, g).flatMap(([, expansions]) => expansions.map((e) => e.word));
        const part: Match = closer.length
          ? { query: `(${anyOf(group.map((e) => e.word))} & !${anyOf(closer)})`, estimate: null }
          : allOf([group], documents);
        return { tier: pick.tier + tier, parts: [...pick.parts, part] };
      }),
    );
  }
  // A single pick is the plain query of every word's expansions, with its estimate.
  if (picks.length === 1) return [{ tier: picks[0]!.tier, match: allOf(words, documents) }];
  const byTier = new Map<number, Match[][]>();
  for (const { tier, parts } of picks) byTier.set(tier, [...(byTier.get(tier) ?? []), parts]);
  return [...byTier]
    .sort(([a], [b]) => a - b)
    .map(([tier, tierPicks]) => {
      // One pick of one word's closest words: the plain "any of", which the index reads best.
      if (tierPicks.length === 1 && tierPicks[0]!.length === 1) return { tier, match: tierPicks[0]![0]! };
      const query = tierPicks.map((parts) => parts.map((part) => part.query).join(' & '));
      return {
        tier,
        match: { query: query.length === 1 ? query[0]! : query.map((q) => `(${q})`).join(' | '), estimate: null },
      };
    });
}
