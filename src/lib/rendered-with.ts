// What a server-rendered page was rendered with, which only the server knew: set on the server for each page, and in
// the browser from the page's state before hydrating, so hydration renders the same HTML (then the browser's own
// clock and zone take over).
export const renderedWith: {
  at: number | undefined;
  timeZone: string | undefined;
  /** The view's title, as useDocumentTitle named it while the server rendered (it has no document). */
  title: string | undefined;
} = { at: undefined, timeZone: undefined, title: undefined };

/** The server's render names its page (useDocumentTitle, which has no document there). */
export function nameServerPage(title: string): void {
  renderedWith.title = title;
}
