import { all, get, type Model, type NodeStatus } from "../api";
import { addressLink, h, link, section, table } from "../dom";
import { percent, units } from "../format";

/** The front page: every model with its policy, and the node's state in one line. */
export async function modelsPage(): Promise<HTMLElement[]> {
  const [models, status] = await Promise.all([all<Model>("/models"), get<NodeStatus>("/status")]);
  return [
    h("h1", {}, "Models"),
    h("p", { class: status.healthy ? "ok" : "warn" },
      `Node ${status.status}: indexed to block ${status.cursor ?? "none"} of ${status.head ?? "unknown"}. `, link("#/status", "Node status")),
    section("All models", table("Models and their policies",
      ["Model", "Owner", "Minimum bond", "Revenue to owner", "To reward pool", "To share holders", "Commit–reveal"],
      models.map(m => [link(`#/models/${m.modelId}`, `Model ${m.modelId}`), addressLink(m.owner), units(m.minBond),
        percent(m.ownerBps), percent(m.poolBps), percent(10000 - m.ownerBps - m.poolBps), m.commitReveal ? "required" : "optional"]),
      "No model is indexed yet.")),
  ];
}
