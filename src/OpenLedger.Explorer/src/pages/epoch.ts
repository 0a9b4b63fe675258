import { ApiError, get, type Distribution, type EpochList, type Report } from "../api";
import { barChart } from "../charts";
import { addressLink, facts, h, link, mono, section, table } from "../dom";
import { count, units, value, when } from "../format";
import { recomputeRoot } from "../merkle";

/** An epoch: the report's evaluation and method, values per contribution, the root and a check of it in the browser. */
export async function epochPage(modelId: string, epochNumber: string): Promise<HTMLElement[]> {
  const base = `/models/${encodeURIComponent(modelId)}/epochs`;
  const list = await get<EpochList>(base);
  const item = list.items.find(i => String(i.epoch.epoch) === epochNumber);
  if (!item) throw new ApiError(404, `model ${modelId} has no epoch ${epochNumber} posted`);
  const e = item.epoch;
  const [distribution, report] = await Promise.all([
    optional(get<Distribution>(`${base}/${e.epoch}/distribution`)), optional(get<Report>(`${base}/${e.epoch}/report`))]);
  return [
    h("h1", {}, `Model ${e.modelId}, epoch ${e.epoch}`),
    facts([
      ["Status", item.status], ["OPEN", units(e.totalOpen)], ["Shares", count(e.totalShares)],
      ["Claimed", `${units(e.claimedOpen)}, ${count(e.claimedShares)} shares, ${e.claimCount} claims`],
      ["Challenge window ends", when(e.challengeEndsAt)], ["Posted in block", String(e.postedBlock)],
      ["Merkle root", mono(e.root, true)], ["Report hash", mono(e.reportHash, true)],
      ["Report", link(`${base}/${e.epoch}/report`, "the posted report (JSON)")],
      ["Model", link(`#/models/${e.modelId}`, `Model ${e.modelId}`)],
    ]),
    section("Evaluation", report instanceof Error ? h("p", { class: "empty" }, `The report is not available: ${report.message}`)
      : facts([
        ["Metric", report.evaluation.metric], ["Score", String(report.evaluation.score)], ["Baseline", String(report.evaluation.baseline)],
        ["Method", report.attribution.method],
        ["Parameters", Object.keys(report.attribution.parameters ?? {}).length ? JSON.stringify(report.attribution.parameters) : "none"],
        ["Test set hash (sealed on chain)", mono(item.evaluation?.testSetHash ?? report.evaluation.testSetHash, true)],
      ])),
    ...(distribution instanceof Error
      ? [section("Values", h("p", { class: "empty" }, `This node serves no distribution for the epoch: ${distribution.message}`))]
      : distributionSections(distribution, e.root)),
  ];
}

async function optional<T>(request: Promise<T>): Promise<T | Error> {
  try {
    return await request;
  } catch (e) {
    return e as Error;
  }
}

function distributionSections(d: Distribution, postedRoot: string): HTMLElement[] {
  const flagged = new Map(d.flagCandidates.map(f => [f.id, f.reason]));
  const mark = (c: Distribution["contributions"][number]) =>
    flagged.has(c.id) ? "flagged" : c.outcome !== "credited" ? `excluded: ${c.outcome}` : undefined;
  // The table says why: the attribution's reason for a flag candidate (the chart only marks it).
  const outcome = (c: Distribution["contributions"][number]) =>
    flagged.has(c.id) ? `flagged: ${flagged.get(c.id)}` : mark(c) ?? "credited";
  const sampling = d.contributions.some(c => c.standardError !== undefined)
    ? `standard error up to ${value(Math.max(...d.contributions.map(c => c.standardError ?? 0)))}` : "exact (no sampling error)";
  // Precision is how well the values predict the retrained model (LDS); sampling error is a separate matter.
  const precision = d.precision
    ? `LDS ${d.precision.lds.toFixed(3)} [${d.precision.lower.toFixed(3)}, ${d.precision.upper.toFixed(3)}] ` +
      `(${Math.round(d.precision.confidence * 100)} %, ${d.precision.subsets} subsets, ${d.precision.modelClass} retrained)`
    : "not measured";
  return [
    section("Values per contribution",
      facts([["Method", d.method], ["Precision", precision], ["Sampling", sampling]]),
      barChart(d.contributions.map((c, i) => ({ label: `#${i + 1}`, value: c.value, mark: mark(c) })),
        `Values of the ${d.contributions.length} contributions of epoch ${d.epoch}; flagged and excluded ones marked`, value),
      table("Contributions valued in this epoch", ["#", "Contribution id", "Contributor", "Value", "Outcome"],
        d.contributions.map((c, i) => [`#${i + 1}`, mono("0x" + BigInt(c.id).toString(16).padStart(64, "0")), addressLink(c.contributor),
          value(c.value), outcome(c)]),
        "The report values no contribution.")),
    section("Payouts", table("Leaves of the claim tree", ["Leaf", "Account", "OPEN", "Shares"],
      d.leaves.map(l => [String(l.index), addressLink(l.account), units(l.open), count(l.shares)]), "The distribution pays no one.")),
    verifySection(d, postedRoot),
  ];
}

function verifySection(d: Distribution, postedRoot: string): HTMLElement {
  const result = h("p", { role: "status", "aria-live": "polite" });
  const button = h("button", { type: "button" }, "Verify in your browser");
  button.addEventListener("click", () => {
    try {
      const root = recomputeRoot(d);
      const ok = root.toLowerCase() === postedRoot.toLowerCase();
      result.className = ok ? "ok" : "error";
      result.textContent = ok
        ? `Verified: the root recomputed here from the ${d.leaves.length} leaves, ${root}, is the root posted on chain.`
        : `Mismatch: the root recomputed here from the ${d.leaves.length} leaves is ${root} but the root posted on chain is ${postedRoot}.`;
    } catch (e) {
      result.className = "error";
      result.textContent = `The check could not run: ${(e as Error).message}`;
    }
  });
  return section("Verify the Merkle root",
    h("p", {}, "Recomputes the claim tree from the served distribution's leaves with the contract's leaf encoding, " +
      "keccak256(keccak256(abi.encode(index, account, openAmount, shareAmount))), and compares its root with the one on chain."),
    button, result);
}
