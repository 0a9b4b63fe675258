import { checksum, short } from "./format";

// Building the page from data with textContent only: nothing the API returns is ever parsed as HTML.

type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(typeof c === "number" ? String(c) : c);
  return node;
}

export function link(href: string, text: string, title?: string): HTMLAnchorElement {
  return h("a", title ? { href, title } : { href }, text);
}

/** A checksummed address linking to its contributor page. */
export function addressLink(address: string): HTMLAnchorElement {
  const a = checksum(address);
  return h("a", { href: `#/accounts/${a}`, title: a, class: "mono" }, short(a));
}

export function mono(hash: string, full = false): HTMLElement {
  return h("code", { title: hash }, full ? hash : short(hash));
}

/** A table with a caption (its accessible name) and one header row, or an empty-state sentence when there are no rows. */
export function table(caption: string, headers: string[], rows: Child[][], empty: string): HTMLElement {
  if (rows.length === 0) return h("p", { class: "empty" }, empty);
  return h("div", { class: "scroll" }, h("table", {},
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, ...headers.map(t => h("th", { scope: "col" }, t)))),
    h("tbody", {}, ...rows.map(r => h("tr", {}, ...r.map(c => h("td", {}, c)))))));
}

/** Label and value pairs as a description list. */
export function facts(pairs: [string, Child][]): HTMLDListElement {
  return h("dl", { class: "facts" }, ...pairs.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}

export function section(title: string, ...children: Child[]): HTMLElement {
  return h("section", {}, h("h2", {}, title), ...children);
}

export function errorBox(message: string): HTMLElement {
  return h("div", { class: "error", role: "alert" }, message);
}
