// The choices inside the header's "Display" button (display-menu.tsx): theme and text size, as radio buttons. Each
// choice applies at once and is remembered on the device (stores/display-store.ts).
import { useId } from 'react';
import type { TextSize, Theme } from '@/lib/display';
import { useDisplayStore } from '@/stores/display-store';
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

export default function DisplayPanel() {
  const { theme, textSize, setTheme, setTextSize } = useDisplayStore();
  return (
    <div className="display-panel">
      <Choices legend="Theme" choices={THEME_CHOICES} value={theme} onChange={setTheme} />
      <Choices legend="Article text size" choices={TEXT_SIZE_CHOICES} value={textSize} onChange={setTextSize} />
    </div>
  );
}
