// "Use filter": one aligned row per topic (checkbox and name, unread count, "Only this", Mute), All / None, and
// Done. Muted topics say until when, and can be unmuted. Escape or Done closes it.
import { useState } from 'react';
import { Button } from '@/components/button';
import { useOfferUndo } from '@/components/undo-bar';
import { VisuallyHidden } from '@/components/visually-hidden';
import type { Topic } from '@/contract/news';
import { useMinuteClock } from '@/lib/use-now';
import { MUTE_DURATIONS, useMutedTopicsStore } from '@/stores/muted-topics-store';
import type { TopicSelection } from '@/stores/topic-filter-storage';
import { isTopicSelected, normalizeSelection, toggleTopic } from '@/stores/topic-filter-store';
import { formatMuteEnd } from './mute-text';
import { SourceFilterSection, type SourceFilterProps } from './source-filter-section';
import { useUnreadCounts } from './use-unread-counts';
import './topic-filter-panel.css';

interface Props {
  id: string;
  topics: readonly Topic[];
  selection: TopicSelection;
  onChange: (selection: TopicSelection) => void;
  onClose: () => void;
  /** The sources' part, when there are sources to choose from. */
  sources?: SourceFilterProps;
}

const number = new Intl.NumberFormat('en-US');

export default function TopicFilterPanel({ id, topics, selection, onChange, onClose, sources }: Props) {
  const allIds = topics.map((t) => t.id);
  const unread = useUnreadCounts(topics);
  const muted = useMutedTopicsStore((s) => s.muted);
  const { mute, unmute, restore } = useMutedTopicsStore.getState();
  const offerUndo = useOfferUndo();
  const [choosingMute, setChoosingMute] = useState<string | null>(null);
  const now = useMinuteClock();

  const muteFor = (topic: Topic, ms: number) => {
    const before = muted;
    const until = mute(topic.id, ms);
    setChoosingMute(null);
    offerUndo(`${topic.name} is muted until ${formatMuteEnd(until)}.`, () => restore(before));
  };

  return (
    <fieldset
      id={id}
      className="filter-panel"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        if (choosingMute) setChoosingMute(null);
        else onClose();
      }}
    >
      <legend>Show news on these topics</legend>
      <div className="filter-panel__bulk">
        <Button variant="quiet" onClick={() => onChange(null)}>
          All
        </Button>
        <Button variant="quiet" onClick={() => onChange([])}>
          None
        </Button>
      </div>
      <ul className="filter-panel__list">
        <li className="filter-row filter-row--head" aria-hidden="true">
          <span>Topic</span>
          <span className="filter-row__count">Unread</span>
        </li>
        {topics.map((topic) => {
          const mutedUntil = muted[topic.id] !== undefined && muted[topic.id]! > now ? muted[topic.id]! : null;
          const count = unread?.get(topic.id);
          return (
            <li key={topic.id} className={mutedUntil ? 'filter-row filter-row--muted' : 'filter-row'}>
              <label className="filter-row__name">
                <input
                  type="checkbox"
                  checked={isTopicSelected(selection, topic.id)}
                  onChange={() => onChange(toggleTopic(selection, topic.id, allIds))}
                />
                <span title={topic.name}>{topic.name}</span>
              </label>
              {mutedUntil ? (
                <>
                  <span className="filter-row__muted">Muted until {formatMuteEnd(mutedUntil)}</span>
                  <Button variant="link" onClick={() => unmute(topic.id)}>
                    Unmute <VisuallyHidden>{topic.name}</VisuallyHidden>
                  </Button>
                </>
              ) : (
                <>
                  <span className="filter-row__count">
                    {count === undefined ? '…' : number.format(count)}
                    <VisuallyHidden>
                      {' '}
                      unread of {number.format(topic.count)} {topic.count === 1 ? 'story' : 'stories'}
                    </VisuallyHidden>
                  </span>
                  <Button variant="link" onClick={() => onChange(normalizeSelection([topic.id], allIds))}>
                    Only this <VisuallyHidden>({topic.name})</VisuallyHidden>
                  </Button>
                  <Button
                    variant="link"
                    aria-expanded={choosingMute === topic.id}
                    onClick={() => setChoosingMute(choosingMute === topic.id ? null : topic.id)}
                  >
                    Mute <VisuallyHidden>{topic.name}</VisuallyHidden>
                  </Button>
                </>
              )}
              {choosingMute === topic.id && !mutedUntil && (
                <div className="filter-row__mute-choices" role="group" aria-label={`Mute ${topic.name} for`}>
                  <span aria-hidden="true">Mute for</span>
                  {MUTE_DURATIONS.map(({ label, ms }) => (
                    <Button key={label} variant="quiet" onClick={() => muteFor(topic, ms)}>
                      {label}
                    </Button>
                  ))}
                  <Button variant="link" onClick={() => setChoosingMute(null)}>
                    Cancel
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {sources && sources.list.sources.length > 0 && <SourceFilterSection {...sources} />}
      <div className="filter-panel__footer">
        <Button onClick={onClose}>Done</Button>
      </div>
    </fieldset>
  );
}
