const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content and quoted attribute values alike; controls HTML forbids become U+FFFD. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => ENTITIES[c]!).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/gu, '\uFFFD');
}

/** An HTML id from unit and segment ids, which may hold whitespace that ids may not. */
export function htmlId(...parts: string[]): string {
  return parts.map((p) => p.replace(/\s/gu, '_')).join('-');
}
