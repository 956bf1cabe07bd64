// A Cookie header with a reader's choices, as the client writes it: a new reader's defaults and what the test sets.
import { encodeChoices, type ReaderChoices } from '@/stores/choices-cookie';
import { EVERY_SOURCE } from '@/stores/source-filter-storage';

const NEW_READER: ReaderChoices = {
  topics: null,
  sources: EVERY_SOURCE,
  muted: {},
  theme: 'system',
  textSize: 'medium',
  timeZone: 'agency',
  density: 'summaries',
  zone: null,
};

export const choicesCookie = (choices: Partial<ReaderChoices>) =>
  `an-choices=${encodeChoices({ ...NEW_READER, ...choices })}`;
