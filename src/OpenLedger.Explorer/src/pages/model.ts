import { get, type Contribution, type EpochList, type ModelDetail, type Page, type RevenueSummary, type ShareBalance } from "../api";
import { splitBar } from "../charts";
import { addressLink, facts, h, link, mono, section, table } from "../dom";
import { count, KINDS, percent, units, when } from "../format";

/** A model: policy, validators, revenue and its split, share holders, epochs and contributions. */
export async function modelPage(modelId: string): Promise<HTMLElement[]> {
  const base = `/models/${encodeURIComponent(modelId)}`;
  const detail = await get<ModelDetail>(base); // an unknown or malformed id stops here with the node's message
  const [revenue, holders, epochs, first] = await Promise.all([
    get<RevenueSummary>(`${base}/revenue`), get<ShareBalance[]>(`${base}/holders`), get<EpochList>(`${base}/epochs`),
    get<Page<Contribution>>(`${base}/contributions?limit=100`)]);
  const m = detail.model;
  const totalShares = holders.reduce((s, x) => s + BigInt(x.balance), 0n);
  return [
    h("h1", {}, `Model ${m.modelId}`),
    section("Policy", facts([
      ["Owner", addressLink(m.owner)], ["Metadata", m.metadataUri || "—"], ["Minimum bond", units(m.minBond)],
      ["Bond lock", `${count(m.bondLock)} s`], ["Dispute window", `${count(m.disputeWindow)} s`],
      ["Revenue split", `${percent(m.ownerBps)} owner, ${percent(m.poolBps)} reward pool, ${percent(10000 - m.ownerBps - m.poolBps)} share holders`],
      ["Commit–reveal", m.commitReveal ? "required" : "optional"],
      ["Minimum precision", m.minPrecisionBps ? `LDS ≥ ${(m.minPrecisionBps / 10000).toFixed(2)}` : "none"], ["Created in block", String(m.createdBlock)],
      ["Validators", detail.validators.length ? h("span", {}, ...detail.validators.flatMap((v, i) => [i ? ", " : "", addressLink(v)])) : "none"],
    ])),
    section("Revenue",
      facts([["Deposited", units(revenue.deposited)], ["Deposits", String(revenue.depositCount)],
        ["Withdrawn by holders", units(revenue.withdrawn)]]),
      revenue.depositCount === 0 ? h("p", { class: "empty" }, "No revenue has been deposited for this model.")
        : splitBar([
          { label: "Owner", value: BigInt(revenue.toOwner), className: "s1" },
          { label: "Reward pool", value: BigInt(revenue.toRewardPool), className: "s2" },
          { label: "Share holders", value: BigInt(revenue.toHolders), className: "s3" }],
          "Where the model's revenue went", v => units(v))),
    section("Share holders", table("Share holders", ["Account", "Shares", "Of all shares"],
      holders.map(x => [addressLink(x.account), count(x.balance),
        totalShares === 0n ? "—" : `${(Number((BigInt(x.balance) * 10000n) / totalShares) / 100).toFixed(2)}%`]),
      "No one holds shares of this model yet.")),
    section("Epochs", table("Epochs", ["Epoch", "Status", "OPEN", "Shares", "Claimed", "Challenge ends"],
      epochs.items.map(e => [link(`#/models/${m.modelId}/epochs/${e.epoch.epoch}`, `Epoch ${e.epoch.epoch}`), e.status,
        units(e.epoch.totalOpen), count(e.epoch.totalShares), `${units(e.epoch.claimedOpen)} (${e.epoch.claimCount} claims)`,
        when(e.epoch.challengeEndsAt)]),
      "No epoch has been posted for this model yet.")),
    contributionsSection(base, first),
  ];
}

function contributionsSection(base: string, first: Page<Contribution>): HTMLElement {
  const rows = (items: Contribution[]) => items.map(c => [mono(c.id), addressLink(c.contributor), KINDS[c.kind] ?? String(c.kind),
    c.status, units(c.currentBond), mono(c.contentHash), String(c.registeredBlock)]);
  const body = table("Contributions", ["Id", "Contributor", "Kind", "Status", "Bond", "Content hash", "Block"], rows(first.items),
    "No contribution is registered for this model yet.");
  const out = section("Contributions", body);
  let next = first.next;
  if (next) {
    const more = h("button", { type: "button" }, "Load more contributions");
    more.addEventListener("click", async () => {
      more.disabled = true;
      const page = await get<Page<Contribution>>(`${base}/contributions?limit=100&cursor=${encodeURIComponent(next!)}`);
      const tbody = body.querySelector("tbody")!;
      for (const r of rows(page.items)) tbody.append(h("tr", {}, ...r.map(c => h("td", {}, c))));
      next = page.next;
      if (next) more.disabled = false;
      else more.remove();
    });
    out.append(more);
  }
  return out;
}
