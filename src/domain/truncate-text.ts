/** Marks text that was cut to fit a service's limit. */
export const ELLIPSIS = '…';

/** Cut text to at most `maxLength` UTF-16 code units, ending in "…", never splitting a surrogate pair. */
export function truncateText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  if (maxLength <= 0) return '';
  let end = maxLength - ELLIPSIS.length;
  // Cutting after a high surrogate would leave half a character (an emoji, say) that services reject.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}${ELLIPSIS}`;
}
