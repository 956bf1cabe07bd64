// The menu a feed item's topic chip opens (its own chunk: most visits never open one): show only that topic, or
// mute it for a while (with Undo).
import { Button } from '@/components/button';
import { PlainLink } from '@/components/plain-link';
import { useOfferUndo } from '@/components/undo-bar';
import { MUTE_DURATIONS, useMutedTopicsStore } from '@/stores/muted-topics-store';
import { formatMuteEnd } from './mute-text';
import './topic-menu.css';

interface Props {
  id: string;
  topicId: string;
  name: string;
  onClose: (returnFocus: boolean) => void;
}

export default function TopicMenu({ id, topicId, name, onClose }: Props) {
  const offerUndo = useOfferUndo();
  const mute = (forMs: number) => {
    const store = useMutedTopicsStore.getState();
    const before = store.muted;
    const until = store.mute(topicId, forMs);
    offerUndo(`${name} is muted until ${formatMuteEnd(until)}.`, () => store.restore(before));
    onClose(false);
  };
  return (
    <div
      id={id}
      className="topic-menu"
      role="group"
      aria-label={`Topic ${name}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose(true);
        }
      }}
    >
      <PlainLink to={`/?topics=${encodeURIComponent(topicId)}`} onClick={() => onClose(false)}>
        Show only {name}
      </PlainLink>
      {MUTE_DURATIONS.map(({ label, ms }) => (
        <Button key={label} variant="quiet" onClick={() => mute(ms)}>
          Mute for {label}
        </Button>
      ))}
      <Button variant="link" onClick={() => onClose(true)}>
        Close
      </Button>
    </div>
  );
}
