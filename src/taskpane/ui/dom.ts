/**
 * A tiny element builder. Elements are made with createElement and text nodes, never from
 * HTML strings: roster cells are untrusted text, and the page's CSP forbids inline script
 * and style anyway.
 */
export type Child = Node | string | number | null | undefined | false | Child[];

export interface Props {
  [attr: string]: string | number | boolean | undefined | ((ev: Event) => void) | Record<string, string>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v as EventListener);
    else if (k === 'dataset' && typeof v === 'object') Object.assign(el.dataset, v);
    else if (k === 'value' && 'value' in el) (el as HTMLInputElement).value = String(v);
    else if (k === 'checked' && 'checked' in el) (el as HTMLInputElement).checked = Boolean(v);
    else if (k === 'selected' && 'selected' in el) (el as HTMLOptionElement).selected = Boolean(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

/**
 * A Fluent UI web component (fluent-button, fluent-dropdown …), built like h(). Registered
 * before the first render (ui/fluent.ts), so properties such as value and checked exist.
 */
export function fx(tag: `fluent-${string}`, props: Props = {}, ...children: Child[]): HTMLElement {
  return h(tag as unknown as keyof HTMLElementTagNameMap, props, ...children) as HTMLElement;
}

function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

let uid = 0;
/** A fresh id for label/for and aria-describedby pairs. */
export function nextId(prefix: string): string {
  return `${prefix}-${++uid}`;
}

/** A table with a caption and header row; cells may carry data attributes. */
export function table(caption: string, head: string[], rows: (Child | { text: Child; attrs: Props })[][], attrs: Props = {}): HTMLTableElement {
  return h(
    'table',
    attrs,
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, head.map((x) => h('th', { scope: 'col' }, x)))),
    h(
      'tbody',
      {},
      rows.map((r) =>
        h(
          'tr',
          {},
          r.map((c, i) => {
            const cell = c && typeof c === 'object' && !Array.isArray(c) && 'text' in c ? c : { text: c as Child, attrs: {} };
            return i === 0 ? h('th', { scope: 'row', ...cell.attrs }, cell.text) : h('td', cell.attrs, cell.text);
          }),
        ),
      ),
    ),
  );
}
