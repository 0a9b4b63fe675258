import { all, get, type AccountRevenue, type Claim, type Contribution, type Distribution, type EpochList, type Flag, type Proof, type UnclaimedEpochs } from "../api";
import { encodeClaim, encodeWithdrawBond, encodeWithdrawRevenue } from "../abi";
import { barChart } from "../charts";
import { errorBox, facts, h, link, mono, section, table } from "../dom";
import { checksum, count, KINDS, units, value } from "../format";
import { contractsOf } from "../wallet";
import { actionButton } from "./actions";

/** Anyone's contributor page: contributions, values and earnings per epoch, shares, revenue and what is left to claim. */
export async function accountPage(input: string): Promise<HTMLElement[]> {
  const base = `/accounts/${encodeURIComponent(input)}`;
  const contributions = await all<Contribution>(`${base}/contributions`); // a malformed address stops here with the node's message
  const address = checksum(input);
  const [claims, revenue, unclaimed] = await Promise.all([
    all<Claim>(`${base}/claims`), get<AccountRevenue>(`${base}/revenue`), get<UnclaimedEpochs>(`${base}/unclaimed-epochs`)]);
  const perEpoch = await epochFigures(address, [...new Set(contributions.map(c => c.modelId))]);
  const flags = await flagReasons(contributions);
  const claimedOpen = claims.reduce((s, c) => s + BigInt(c.openAmount), 0n);
  const claimedShares = claims.reduce((s, c) => s + BigInt(c.shareAmount), 0n);
  return [
    h("h1", {}, "Contributor ", h("code", { class: "address" }, address)),
    facts([
      ["Contributions", String(contributions.length)], ["OPEN claimed", units(claimedOpen)], ["Shares claimed", count(claimedShares)],
      ["Revenue withdrawn", units(revenue.models.reduce((s, m) => s + BigInt(m.withdrawn), 0n))],
      ["Revenue withdrawable", revenue.models.some(m => m.withdrawable === null) ? "unknown (the node cannot ask the chain now)"
        : units(revenue.models.reduce((s, m) => s + BigInt(m.withdrawable ?? "0"), 0n))],
      ["Epochs left to claim", String(unclaimed.items.filter(u => u.openAmount !== null).length)],
    ]),
    section("Unclaimed epochs", table("Epochs this account can still claim", ["Epoch", "Status", "OPEN", "Shares", "Proof", "Claim"],
      unclaimed.items.filter(u => u.leafIndex !== null).map(u => [
        link(`#/models/${u.modelId}/epochs/${u.epoch}`, `Model ${u.modelId}, epoch ${u.epoch}`), u.status, units(u.openAmount!),
        count(u.shareAmount!), proofDetails(u.modelId, u.epoch, address),
        actionButton(`Claim model ${u.modelId} epoch ${u.epoch}`, `Claimed model ${u.modelId} epoch ${u.epoch}`, async () => {
          const p = await get<Proof>(`/models/${u.modelId}/epochs/${u.epoch}/proofs/${address}`);
          return { to: (await contractsOf()).rewardDistributor, data: encodeClaim(BigInt(p.modelId), BigInt(p.epoch), BigInt(p.leafIndex),
            p.account, BigInt(p.openAmount), BigInt(p.shareAmount), p.proof) };
        })]),
      "Nothing left to claim.")),
    section("Earnings over epochs",
      perEpoch.length === 0 ? h("p", { class: "empty" }, "No epoch has valued this account's contributions yet.")
        : barChart(perEpoch.map(p => ({ label: `M${p.modelId} E${p.epoch}`, value: Number(p.open / 10n ** 14n) / 1e4 })),
          "OPEN earned per epoch", v => `${v.toFixed(2)}`),
      table("Values and earnings per epoch", ["Epoch", "Value", "OPEN earned", "Shares earned"],
        perEpoch.map(p => [link(`#/models/${p.modelId}/epochs/${p.epoch}`, `Model ${p.modelId}, epoch ${p.epoch}`), value(p.value),
          units(p.open), count(p.shares)]), "")),
    section("Shares and revenue", table("Shares and revenue per model",
      ["Model", "Shares held", "Revenue withdrawn", "Withdrawals", "Withdrawable now", "Withdraw"],
      revenue.models.map(m => [link(`#/models/${m.modelId}`, `Model ${m.modelId}`), count(m.shareBalance), units(m.withdrawn),
        String(m.withdrawalCount), m.withdrawable === null ? "unknown" : units(m.withdrawable),
        m.withdrawable !== "0" && BigInt(m.shareBalance) > 0n ? actionButton(`Withdraw revenue of model ${m.modelId}`, `Withdrew revenue of model ${m.modelId}`,
          async () => ({ to: (await contractsOf()).modelShares, data: encodeWithdrawRevenue(BigInt(m.modelId)) })) : "—"]),
      "This account holds no shares and has withdrawn no revenue.")),
    section("Contributions", table("Contributions of this account", ["Id", "Model", "Kind", "Status", "Bond left", "Registered in", "Bond"],
      contributions.map(c => [mono(c.id), link(`#/models/${c.modelId}`, `Model ${c.modelId}`), KINDS[c.kind] ?? String(c.kind),
        statusText(c, perEpoch, flags), units(c.currentBond), h("span", {}, "block ", String(c.registeredBlock), " ", mono(c.txHash)),
        BigInt(c.currentBond) > 0n ? actionButton(`Withdraw bond of ${c.id.slice(0, 10)}`, "Withdrew the bond", async () =>
          ({ to: (await contractsOf()).contributionRegistry, data: encodeWithdrawBond(BigInt(c.modelId), c.contentHash) })) : "—"]),
      "This account has registered no contribution.")),
  ];
}

function proofDetails(modelId: number, epoch: number, address: string): HTMLElement {
  const details = h("details", {}, h("summary", {}, "Show proof"));
  details.addEventListener("toggle", async () => {
    if (!details.open || details.childElementCount > 1) return;
    try {
      const p = await get<Proof>(`/models/${modelId}/epochs/${epoch}/proofs/${address}`);
      details.append(h("p", {}, `Leaf ${p.leafIndex}, root ${p.root}${p.rootMatchesPosted ? " (the posted root)" : " (NOT the posted root)"}`),
        h("ol", { class: "proof" }, ...p.proof.map(x => h("li", {}, h("code", {}, x)))));
    } catch (e) {
      details.append(errorBox((e as Error).message));
    }
  });
  return details;
}

interface EpochFigure { modelId: number; epoch: number; value: number; open: bigint; shares: bigint; outcomes: Map<string, string> }

/** Per epoch of the models the account contributed to: the value of its contributions and what its leaf pays. */
async function epochFigures(address: string, models: number[]): Promise<EpochFigure[]> {
  const out: EpochFigure[] = [];
  for (const modelId of models) {
    const epochs = await get<EpochList>(`/models/${modelId}/epochs`);
    for (const item of epochs.items.slice(-20)) {
      let d: Distribution;
      try {
        d = await get<Distribution>(`/models/${modelId}/epochs/${item.epoch.epoch}/distribution`);
      } catch {
        continue; // an epoch this node did not post: its values are not served here
      }
      const mine = d.contributions.filter(c => c.contributor.toLowerCase() === address.toLowerCase());
      const leaf = d.leaves.find(l => l.account.toLowerCase() === address.toLowerCase());
      if (mine.length === 0 && !leaf) continue;
      const flagged = new Set(d.flagCandidates.map(f => f.id));
      out.push({ modelId, epoch: item.epoch.epoch, value: mine.reduce((s, c) => s + c.value, 0),
        open: BigInt(leaf?.open ?? "0"), shares: BigInt(leaf?.shares ?? "0"),
        outcomes: new Map(mine.map(c => ["0x" + BigInt(c.id).toString(16).padStart(64, "0"),
          flagged.has(c.id) ? `flagged in epoch ${item.epoch.epoch}` : c.outcome === "credited" ? "" : `excluded in epoch ${item.epoch.epoch}: ${c.outcome}`])) });
    }
  }
  return out;
}

/** The validators' reason of the flag standing on each flagged or slashed contribution (its last flag not dismissed). */
async function flagReasons(contributions: Contribution[]): Promise<Map<string, string>> {
  const marked = contributions.filter(c => c.status === "flagged" || c.status === "slashed").slice(0, 50);
  const lists = await Promise.all(marked.map(c => get<Flag[]>(`/contributions/${c.id}/flags`)));
  const reasons = new Map<string, string>();
  marked.forEach((c, i) => {
    const last = lists[i].at(-1);
    if (last?.action === "flagged") reasons.set(c.id, `flag reason: ${last.reason ?? "none given"}`);
  });
  return reasons;
}

/** The contribution's status, with the validator's flag reason and why an epoch flagged or excluded it. */
function statusText(c: Contribution, epochs: EpochFigure[], flags: Map<string, string>): string {
  const reasons = [flags.get(c.id), ...epochs.map(e => e.outcomes.get(c.id.toLowerCase()))].filter((r): r is string => !!r);
  return reasons.length ? `${c.status} (${reasons.join("; ")})` : c.status;
}

