// Where the app loads a story's photo from: the API's image proxy (the `src` the API signed), resolved against the
// API's base, never the photo's original host (the strict img-src policy would refuse it, and it would learn the
// reader's address).
import type { StoryImage } from '@/contract/news';
import { apiUrl } from './http';

/** The proxied photo's address, or null when the API gave no proxy path (no photo is shown then). */
export function photoAddress(image: StoryImage): string | null {
  return image.src ? new URL(image.src, apiUrl('/')).href : null;
}
