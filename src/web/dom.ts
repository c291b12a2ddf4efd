// A tiny element builder. Text always goes in as text nodes (never innerHTML), so a leader list's
// cells cannot become markup in the page.
type Child = Node | string | number | undefined | false | null;
type Props = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (v === true) el.setAttribute(k, '');
    else if (v !== undefined && v !== false) el.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== undefined && c !== false && c !== null) el.append(typeof c === 'object' ? c : String(c));
  return el;
}

/** A section with a heading, labelled by it (landmarks for screen readers and keyboard users). */
export function section(id: string, title: string, ...children: Child[]): HTMLElement {
  return h('section', { 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h` }, title), ...children);
}

/** The outcome of the last action (applied, refused, exported): announced, and shown where it happened. */
export function messageView(message: { text: string; alert: boolean } | undefined): HTMLElement {
  return h(
    'p',
    { id: 'message', role: message?.alert ? 'alert' : 'status', class: message?.alert ? 'alert' : 'status' },
    message?.text ?? '',
  );
}
