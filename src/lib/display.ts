// The reader's display choices as attributes on <html>, which the CSS reads (app.css): data-theme picks the palette
// ("system" follows prefers-color-scheme), data-text-size the size of article text. Set before the first paint by
// app/display-boot.ts and again whenever the reader changes them, so this module stays free of React and zustand.

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const TEXT_SIZES = ['small', 'medium', 'large', 'x-large'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export interface DisplayPrefs {
  theme: Theme;
  textSize: TextSize;
}

export const DEFAULT_DISPLAY: DisplayPrefs = { theme: 'system', textSize: 'medium' };

export const isTheme = (value: unknown): value is Theme => THEMES.includes(value as Theme);
export const isTextSize = (value: unknown): value is TextSize => TEXT_SIZES.includes(value as TextSize);

export function applyDisplay({ theme, textSize }: DisplayPrefs, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = theme;
  root.dataset.textSize = textSize;
}
