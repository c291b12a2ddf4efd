// A tiny element builder. Text always goes in as text nodes (never innerHTML), so a leader list's
// cells cannot become markup in the page.
import type { Message } from './context.js';

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

/** A labelled file picker (Chinese label, English beside it) handing the picked files to `onFiles`. */
export function filePicker(
  id: string,
  label: string,
  en: string,
  accept: string,
  onFiles: (files: FileList | null) => void,
  multiple = false,
): HTMLElement {
  return h(
    'p',
    { class: 'file' },
    h('label', { for: id }, label),
    h('span', { lang: 'en' }, ` ${en} `),
    h('input', { type: 'file', id, accept, multiple, onchange: (e) => onFiles((e.target as HTMLInputElement).files) }),
  );
}

/** A section with a heading, labelled by it (landmarks for screen readers and keyboard users). */
export function section(id: string, title: string, ...children: Child[]): HTMLElement {
  return h('section', { 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h` }, title), ...children);
}

/**
 * The outcome of the last action (applied, refused, exported), next to the control that caused it:
 * only the section named by `at` shows it (messages without a place show in the plan section).
 * Focusable, so the page can move focus to it after the action.
 */
export function messageView(message: Message | undefined, at: string): HTMLElement | undefined {
  if ((message?.at ?? 'plan') !== at) return undefined;
  return h(
    'p',
    { id: 'message', tabindex: -1, role: message?.alert ? 'alert' : 'status', class: message?.alert ? 'alert' : 'status' },
    message?.text ?? '',
  );
}
