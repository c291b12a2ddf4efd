// A tiny element builder. Text always goes in as text nodes (never innerHTML), so a leader list's
// cells cannot become markup in the page.
import type { Ctx, Message, Ui } from './context.js';

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

/**
 * Redraws, then moves focus to `focus` once the page has been laid out in a frame of its own: focus()
 * on a page just redrawn lays it out there and then, adding the layout to the redraw's task (an export's
 * message or a 30,000-matter ledger's first view took 80-160 ms so on a loaded 2-core machine).
 */
export function showThenFocus(ctx: Ctx, change: (ui: Ui) => void, focus: string): void {
  (document.activeElement as HTMLElement | null)?.blur();
  ctx.show(change);
  requestAnimationFrame(() =>
    setTimeout(() => {
      // Not taken from a control the clerk has gone to meanwhile (typing there would land elsewhere).
      const at = document.activeElement;
      if (at && at !== document.body) return;
      document.getElementById(focus)?.focus();
    }),
  );
}
