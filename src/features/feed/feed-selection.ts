import type { Topic } from '@/contract/news';
import type { TopicSelection } from '@/stores/topic-filter-storage';
import { normalizeSelection } from '@/stores/topic-filter-store';

/**
 * The topic filter in force: the address's topics when it names any we know, else the reader's saved choice;
 * normalized against the topic list once it is known (unknown ids dropped, topic order, every topic = null).
 */
export function feedSelection(
  named: readonly string[] | null,
  saved: TopicSelection,
  topics: readonly Topic[] | undefined,
): TopicSelection {
  if (!topics) return named ?? saved;
  const allIds = topics.map((t) => t.id);
  const known = named?.filter((id) => allIds.includes(id));
  return normalizeSelection(known?.length ? known : saved, allIds);
}
