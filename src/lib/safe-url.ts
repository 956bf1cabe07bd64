/** Only absolute http(s) URLs ever become links; anything else (javascript:, data:, relative) is refused. */
export function safeExternalUrl(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
