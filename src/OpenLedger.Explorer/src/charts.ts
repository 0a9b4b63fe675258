// Charts as plain SVG: a few bars need no library. Each chart is an image with a text alternative (role="img",
// aria-label) and the same figures are in a table beside it.

const NS = "http://www.w3.org/2000/svg";

function svg(width: number, height: number, label: string): SVGSVGElement {
  const root = document.createElementNS(NS, "svg");
  root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  root.setAttribute("role", "img");
  root.setAttribute("aria-label", label);
  root.classList.add("chart");
  const title = document.createElementNS(NS, "title");
  title.textContent = label;
  root.append(title);
  return root;
}

function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

export interface Bar { label: string; value: number; mark?: string }

/**
 * Vertical bars around a zero line (values may be negative). A bar with a mark (flagged, excluded) is drawn hatched
 * in the warning colour and the mark is written under its label.
 */
export function barChart(bars: Bar[], label: string, format: (v: number) => string): SVGSVGElement {
  const width = Math.max(320, bars.length * 56 + 60), height = 220, top = 16, bottom = 52, left = 48;
  const root = svg(width, height, label);
  const max = Math.max(0, ...bars.map(b => b.value)), min = Math.min(0, ...bars.map(b => b.value));
  const span = max - min || 1;
  const y = (v: number) => top + ((max - v) / span) * (height - top - bottom);
  root.append(el("line", { x1: left, x2: width - 8, y1: y(0), y2: y(0), class: "axis" }));
  root.append(el("text", { x: left - 6, y: y(max) + 4, class: "tick", "text-anchor": "end" }, format(max)));
  if (min < 0) root.append(el("text", { x: left - 6, y: y(min) + 4, class: "tick", "text-anchor": "end" }, format(min)));
  const step = (width - left - 8) / Math.max(1, bars.length);
  bars.forEach((b, i) => {
    const x = left + i * step + step * 0.15, w = step * 0.7;
    const rect = el("rect", { x, width: w, y: Math.min(y(b.value), y(0)), height: Math.max(1, Math.abs(y(b.value) - y(0))),
      class: b.mark ? "bar marked" : b.value < 0 ? "bar negative" : "bar" });
    rect.append(el("title", {}, `${b.label}: ${format(b.value)}${b.mark ? ` (${b.mark})` : ""}`));
    root.append(rect);
    root.append(el("text", { x: x + w / 2, y: height - bottom + 16, class: "tick", "text-anchor": "middle" }, b.label));
    if (b.mark) root.append(el("text", { x: x + w / 2, y: height - bottom + 32, class: "tick mark", "text-anchor": "middle" }, b.mark));
  });
  return root;
}

export interface Slice { label: string; value: bigint; className: string }

/** One horizontal bar split into parts (the revenue split), with a legend of each part's share. */
export function splitBar(slices: Slice[], label: string, format: (v: bigint) => string): SVGSVGElement {
  const width = 640, barHeight = 28, root = svg(width, barHeight + 24 * slices.length + 12, label);
  const total = slices.reduce((s, x) => s + x.value, 0n);
  let x = 0;
  slices.forEach((s, i) => {
    const w = total === 0n ? 0 : Number((s.value * 10000n) / total) / 10000 * width;
    const rect = el("rect", { x, y: 0, width: w, height: barHeight, class: `slice ${s.className}` });
    rect.append(el("title", {}, `${s.label}: ${format(s.value)}`));
    root.append(rect);
    x += w;
    const ly = barHeight + 20 + 24 * i;
    root.append(el("rect", { x: 0, y: ly - 12, width: 14, height: 14, class: `slice ${s.className}` }));
    const pct = total === 0n ? "0" : (Number((s.value * 10000n) / total) / 100).toFixed(1);
    root.append(el("text", { x: 22, y: ly, class: "legend" }, `${s.label}: ${format(s.value)} (${pct}%)`));
  });
  return root;
}
