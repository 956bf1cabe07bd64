// A story's photo: a thumbnail in the feed's rows, a figure with its credit in the article. Loaded lazily through the
// API's image proxy, without a referrer; its box is reserved before it loads (a fixed box for the thumbnail, the
// photo's own width and height, or a 3:2 box when they are unknown, for the figure), so nothing moves when it
// arrives, and a photo that fails is hidden inside the same box (no broken-image icon, no jump).
import { useEffect, useRef, useState } from 'react';
import { photoAddress } from '@/api/photos';
import type { StoryImage } from '@/contract/news';
import './story-photo.css';

function Photo({ image, className, alt }: { image: StoryImage; className: string; alt: string }) {
  const [failed, setFailed] = useState(false);
  const img = useRef<HTMLImageElement>(null);
  // A server-rendered photo may have failed before the page's code ran, when no onError was listening yet.
  useEffect(() => {
    if (img.current?.complete && img.current.naturalWidth === 0) setFailed(true);
  }, []);
  const src = photoAddress(image);
  if (!src) return null;
  const sized = image.width !== undefined && image.height !== undefined;
  return (
    <img
      ref={img}
      src={src}
      alt={alt}
      width={sized ? image.width : undefined}
      height={sized ? image.height : undefined}
      loading="lazy"
      decoding="async"
      referrerPolicy="no-referrer"
      className={`story-photo ${className}${sized ? '' : ' story-photo--unsized'}${failed ? ' story-photo--failed' : ''}`}
      onError={() => setFailed(true)}
    />
  );
}

/** The feed row's thumbnail: decorative beside the title (the article's figure carries the description). */
export function StoryThumbnail({ image }: { image: StoryImage }) {
  return <Photo image={image} className="story-photo--thumbnail" alt="" />;
}

/** The article's photo with its description as alt text and its credit as the caption. */
export function StoryFigure({ image }: { image: StoryImage }) {
  if (!photoAddress(image)) return null;
  const credit = image.credit?.trim();
  return (
    <figure className="story-figure">
      <Photo image={image} className="story-photo--figure" alt={image.alt?.trim() ?? ''} />
      {credit && <figcaption className="story-figure__credit">{credit}</figcaption>}
    </figure>
  );
}
