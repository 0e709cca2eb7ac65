/**
 * Text on its way into an Office file's XML. Names, sources and notes come from files and links,
 * so they may hold anything JSON can: pptxgenjs escapes &, <, >, " and ' everywhere it writes text,
 * but passes on the characters XML 1.0 cannot hold at all (NUL and the other C0 controls but tab,
 * line feed and carriage return; U+FFFE, U+FFFF; a lone surrogate), and one of them makes the whole
 * file unreadable. They carry no meaning in a name, so they are dropped, here and nowhere else.
 */

// XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. With
// the u flag a surrogate range matches only a lone surrogate, never half of a pair (an emoji).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

/** `text` without the characters XML 1.0 cannot hold; everything else exactly as it was. */
export function officeText(text: string): string {
  return text.replace(NOT_XML, '');
}
