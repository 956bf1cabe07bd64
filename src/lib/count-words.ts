/** Words in a text: runs of non-space characters (the count behind reading times and summaries' wordCount). */
export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}
