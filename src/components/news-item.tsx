// One story in a list, the same in the feed and in search results: time, source, dateline, pages and topics on one
// line, the title, and the lead (or a search snippet), with the photo's thumbnail beside them when the list shows it.
// "Headlines" density puts time, title, source and topic on a single line.
import type { ReactNode } from 'react';
import type { StoryImage } from '@/contract/news';
import type { Density } from '@/stores/reading-prefs-store';
import { ArticleLink } from './article-link';
import { NewsTime } from './news-time';
import { SaveButton } from './save-button';
import { StoryThumbnail } from './story-photo';
import { TopicChips, type TopicNames } from './topic-chips';
import { VisuallyHidden } from './visually-hidden';
import './news-item.css';

export interface NewsItemProps {
  id: string;
  title: string;
  /** The title as shown (search terms highlighted, say); the plain title when absent. */
  titleContent?: ReactNode;
  publishedAt: string;
  /** The feed gave no date: the time is when the story was first seen. */
  undated?: boolean | undefined;
  /** The source's name (an imported feed's title). */
  source?: string | undefined;
  /** The photo, shown as a thumbnail in "Summaries" (the feed's rows; a fixed box, so a row's height is known). */
  photo?: StoryImage | undefined;
  /** Show the date with the time (lists without day headings). */
  withDate?: boolean;
  dateline?: string | undefined;
  pageCount?: number;
  topics: readonly string[];
  topicNames?: TopicNames | undefined;
  /** The topic chips, when a list renders its own (the feed's chips open a menu); links by default. */
  chips?: ReactNode;
  /** The lead, or a search snippet. */
  summary?: ReactNode;
  density?: Density;
  read?: boolean;
  /** The full text is open below: the summary shows whole. */
  expanded?: boolean;
  headingLevel: 2 | 3;
  titleId: string;
  /** The item's place in its list, from 1, and the list's length (-1: more may load). */
  position: number;
  setSize: number;
  /** Controls at the end of the first line, before Save (Show more). */
  actions?: ReactNode;
  /** What opens below the item (the full text). */
  children?: ReactNode;
}

export function NewsItem(props: NewsItemProps) {
  const { id, title, titleContent, read = false, density = 'summaries', headingLevel, titleId } = props;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const heading = (
    <Heading id={titleId} className="news-item__title">
      <ArticleLink id={id}>{titleContent ?? title}</ArticleLink>
      {read && <VisuallyHidden> (read)</VisuallyHidden>}
    </Heading>
  );
  const classes = `news-item news-item--${density}${read ? ' news-item--read' : ''}${props.expanded ? ' news-item--expanded' : ''}`;
  // tabIndex -1: the keyboard shortcuts move focus from item to item (j/k), not the Tab key.
  const shared = {
    className: classes,
    'aria-labelledby': titleId,
    'aria-posinset': props.position,
    'aria-setsize': props.setSize,
    'data-item-id': id,
    tabIndex: -1,
  };

  if (density === 'headlines') {
    const firstTopic = props.topics[0];
    return (
      <article {...shared}>
        <div className={`news-item__line${props.undated ? ' news-item__line--undated' : ''}`}>
          <NewsTime iso={props.publishedAt} undated={props.undated} />
          {heading}
          <span className="news-item__topic">
            {props.source && (
              <>
                <span className="news-item__source">{props.source}</span>
                {firstTopic && <span aria-hidden="true"> · </span>}
              </>
            )}
            {firstTopic && (props.topicNames?.get(firstTopic) ?? firstTopic)}
          </span>
          <span className="news-item__actions">
            {props.actions}
            <SaveButton id={id} title={title} variant="link" />
          </span>
        </div>
        {props.children}
      </article>
    );
  }

  const summary = props.summary && <p className="news-item__summary">{props.summary}</p>;
  return (
    <article {...shared}>
      <div className="news-item__meta">
        <NewsTime iso={props.publishedAt} withDate={props.withDate} undated={props.undated} />
        {props.source && <span className="news-item__source">{props.source}</span>}
        {props.dateline && <span className="news-item__dateline">{props.dateline}</span>}
        {props.pageCount !== undefined && props.pageCount > 1 && <span>{props.pageCount} pages in this article</span>}
        {props.chips ?? <TopicChips topicIds={props.topics} names={props.topicNames} />}
        <span className="news-item__actions">
          {props.actions}
          <SaveButton id={id} title={title} variant="link" />
        </span>
      </div>
      {props.photo ? (
        <div className="news-item__with-photo">
          <div>
            {heading}
            {summary}
          </div>
          <StoryThumbnail image={props.photo} />
        </div>
      ) : (
        <>
          {heading}
          {summary}
        </>
      )}
      {props.children}
    </article>
  );
}
