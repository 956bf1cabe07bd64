// The choices inside the header's "Display" button (display-menu.tsx): theme, text size and the time zone of story
// times, as radio buttons. Each choice applies at once and is remembered on the device (stores/display-store.ts,
// stores/reading-prefs-store.ts).
import { useId } from 'react';
import { localTimeZone, utcOffsetLabel } from '@/lib/agency-time';
import type { TextSize, Theme } from '@/lib/display';
import { env } from '@/lib/env';
import { useDisplayStore } from '@/stores/display-store';
import { useReadingPrefsStore, type TimeZoneChoice } from '@/stores/reading-prefs-store';
import './display-panel.css';

const THEME_CHOICES: { value: Theme; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

const TEXT_SIZE_CHOICES: { value: TextSize; label: string }[] = [
  { value: 'small', label: 'Small' },
  { value: 'medium', label: 'Medium' },
  { value: 'large', label: 'Large' },
  { value: 'x-large', label: 'Extra large' },
];

function Choices<T extends string>({
  legend,
  choices,
  value,
  onChange,
}: {
  legend: string;
  choices: { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}) {
  const name = useId();
  return (
    <fieldset className="display-panel__group">
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value} className="display-panel__choice">
          <input
            type="radio"
            name={name}
            value={choice.value}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
          />
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}

/** "Agency time (UTC+3)" / "Your time (UTC+1)": the offsets as they are today, so the reader sees the difference. */
function timeZoneChoices(now: Date): { value: TimeZoneChoice; label: string }[] {
  return [
    { value: 'agency', label: `Agency time (${utcOffsetLabel(now, env.agencyTimeZone)})` },
    { value: 'local', label: `Your time (${utcOffsetLabel(now, localTimeZone())})` },
  ];
}

export default function DisplayPanel() {
  const { theme, textSize, setTheme, setTextSize } = useDisplayStore();
  const timeZone = useReadingPrefsStore((s) => s.timeZone);
  const setTimeZone = useReadingPrefsStore((s) => s.setTimeZone);
  return (
    <div className="display-panel">
      <Choices legend="Theme" choices={THEME_CHOICES} value={theme} onChange={setTheme} />
      <Choices legend="Article text size" choices={TEXT_SIZE_CHOICES} value={textSize} onChange={setTextSize} />
      <Choices legend="Times" choices={timeZoneChoices(new Date())} value={timeZone} onChange={setTimeZone} />
    </div>
  );
}
