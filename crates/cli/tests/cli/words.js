// The words out of place on the page in the browser: every visible text (and placeholder, title,
// label for assistive technology, image text) that is an English phrase, a message key, a rule
// id, a snake_case key, an ISO date, or a region or country code without its name. Returns
// [kind, text, where] for each. Called with the alpha-3 codes of the countries as arguments[0].
//
// Not looked at (the short, reviewed allow-list): code and preformatted text, text marked
// translate="no" (proper names, references, document numbers), the discreet reference
// details (class "ref"), text marked as another language (lang="en" inside a Russian page),
// form fields' values, and codes shown beside their names ("Россия (RUS)", "KZ-75 город Алматы",
// "UZB — Узбекистан").
const COUNTRIES = new Set(arguments[0]);
const TECH = new Set(['PDF', 'PNG', 'JPEG', 'CSV', 'XLSX', 'API', 'URL', 'JSON', 'MRZ', 'IIN', 'BIN', 'SMTP', 'ISO']);
const SKIP = 'code, pre, script, style, noscript, textarea, [translate="no"], .ref';
const out = [];
function check(text, where) {
  let s = text.replace(/\s+/g, ' ').trim();
  if (!s) return;
  const shown = s.slice(0, 160);
  s = s.replace(/\(([A-Z]{3})\)/g, '').replace(/\b[A-Z]{3} — (?=[А-ЯӘҒҚҢӨҰҮҺІ])/g, '').replace(/\bKZ-\d{2}(?= [А-ЯӘҒҚҢӨҰҮҺІа-яәғқңөұүһі])/g, '');
  const push = (kind) => out.push([kind, shown, where]);
  if (/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(s) || /\b[a-z]{2,}(-[a-z0-9]+){2,}\b/.test(s)) push('key');
  if (/\b[a-z][a-z0-9]*(_[a-z0-9]+)+\b/.test(s)) push('snake_case');
  if (/\b(pr|vs|inv|az|rf)(\.[a-z_]+)+\b/.test(s)) push('rule id');
  if (/\bKZ-\d{2}\b/.test(s)) push('region code');
  const codes = s.match(/\b[A-Z]{3}\b/g);
  if (codes && codes.some((c) => COUNTRIES.has(c) && !TECH.has(c))) push('country code');
  if (/\b\d{4}-\d{2}-\d{2}\b/.test(s)) push('ISO date');
  // File formats and such (PDF, JPEG) are not English words.
  const words = s.replace(/\b[A-Z]{3,5}\b/g, (w) => (TECH.has(w) ? '' : w));
  if (/\b[A-Za-z]{3,}[\s,]+[A-Za-z]{3,}\b/.test(words)) push('English');
}
const page = document.documentElement.lang;
function skipped(el) {
  if (!el || el.closest(SKIP)) return true;
  const marked = el.closest('[lang]');
  return marked && marked !== document.documentElement && marked.getAttribute('lang') !== page;
}
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
let node;
while ((node = walker.nextNode())) {
  const el = node.parentElement;
  if (skipped(el)) continue;
  check(node.nodeValue, el.tagName.toLowerCase() + (el.id ? '#' + el.id : ''));
}
for (const el of document.querySelectorAll('[placeholder], [title], [aria-label], img[alt]')) {
  if (skipped(el)) continue;
  for (const a of ['placeholder', 'title', 'aria-label', 'alt']) {
    const v = el.getAttribute(a);
    if (v) check(v, el.tagName.toLowerCase() + '@' + a);
  }
}
return out;
