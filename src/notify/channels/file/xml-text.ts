// Characters XML 1.0 forbids anywhere in a document (most C0 controls, lone surrogates, U+FFFE/U+FFFF): one in an
// ad title would make the whole feed unreadable to every reader.
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being removed
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text that can stand in any XML element or CDATA section: forbidden characters removed, `]]>` broken up. */
export function xmlSafeText(text: string): string {
  return text.replace(NOT_XML, '').replaceAll(']]>', ']] >');
}

/** Text escaped for HTML content. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
