import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { topicQueries } from '@/api/topics';

/** Topic labels that open the feed filtered by that topic. */
export function TopicChips({ topicIds }: { topicIds: readonly string[] }) {
  const { data: topics } = useQuery(topicQueries.all());
  const nameOf = (id: string) => topics?.find((t) => t.id === id)?.name ?? id;
  return (
    <ul className="topic-chips" aria-label="Topics">
      {topicIds.map((id) => (
        <li key={id}>
          <Link className="topic-chip" to={`/?topics=${encodeURIComponent(id)}`}>
            {nameOf(id)}
          </Link>
        </li>
      ))}
    </ul>
  );
}
