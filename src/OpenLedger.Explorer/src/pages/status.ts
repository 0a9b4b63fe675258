import { get, type NodeStatus } from "../api";
import { facts, h } from "../dom";

/** The node's indexer: cursor, head, lag and health, as /status reports them. */
export async function statusPage(): Promise<HTMLElement[]> {
  const s = await get<NodeStatus>("/status");
  return [
    h("h1", {}, "Node status"),
    h("p", { class: s.healthy ? "ok" : "warn", role: "status" }, s.healthy ? "Healthy" : "Unhealthy", `: ${s.description}`),
    facts([
      ["Status", s.status],
      ["Indexed to block (cursor)", s.cursor === null ? "none yet" : String(s.cursor)],
      ["Cursor block hash", s.cursorHash ?? "—"],
      ["Chain head", s.head === null ? "unknown" : String(s.head)],
      ["Lag (blocks)", s.lag === null ? "unknown" : String(s.lag)],
      ["Updated", new Date(s.updatedAt).toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC")],
    ]),
  ];
}
