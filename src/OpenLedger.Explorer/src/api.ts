// Every figure on the page comes from the node's query API, read here. The page is served by the same node, so
// routes are relative to its origin.

/** A failed API call: the HTTP status and the problem details' detail (what was wrong), as the node wrote them. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export async function get<T>(path: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: "application/json" } });
  } catch (e) {
    throw new ApiError(0, `the node did not answer ${path}: ${(e as Error).message}`);
  }
  const text = await response.text();
  if (!response.ok) throw new ApiError(response.status, problemText(text) ?? `${path} answered ${response.status}`);
  return JSON.parse(text) as T;
}

function problemText(body: string): string | null {
  try {
    const problem = JSON.parse(body) as { detail?: string; title?: string };
    return problem.detail ?? problem.title ?? null;
  } catch {
    return null;
  }
}

/** Every item of a keyset-paged list (the node's Page: items and a next cursor), up to `max` items. */
export async function all<T>(path: string, max = 2000): Promise<T[]> {
  const items: T[] = [];
  const separator = path.includes("?") ? "&" : "?";
  let page = await get<Page<T>>(`${path}${separator}limit=500`);
  for (;;) {
    items.push(...page.items);
    if (!page.next || items.length >= max) return items;
    page = await get<Page<T>>(`${path}${separator}limit=500&cursor=${encodeURIComponent(page.next)}`);
  }
}

export interface Page<T> { items: T[]; next: string | null }

export interface Model {
  modelId: number; owner: string; metadataUri: string; createdBlock: number; txHash: string; minBond: string;
  bondLock: number; disputeWindow: number; ownerBps: number; poolBps: number; commitReveal: boolean;
  /** The lowest LDS (basis points) a report must reach to be posted; 0 = no minimum. */
  minPrecisionBps?: number;
}
export interface ModelDetail { model: Model; validators: string[] }
export interface RevenueSummary {
  modelId: number; deposited: string; toOwner: string; toRewardPool: string; toHolders: string; withdrawn: string; depositCount: number;
}
export interface ShareBalance { modelId: number; account: string; balance: string }
export interface Contribution {
  id: string; modelId: number; contributor: string; contentHash: string; kind: number; uri: string; bond: string;
  currentBond: string; status: string; registeredBlock: number; logIndex: number; batchIndex: number; txHash: string;
}
export interface Evaluation { modelId: number; epoch: number; testSetHash: string; committedBlock: number; txHash: string }
export interface Epoch {
  modelId: number; epoch: number; status: string; root: string; totalOpen: string; totalShares: string; reportHash: string;
  reportUri: string; challengeEndsAt: number; postedBlock: number; claimedOpen: string; claimedShares: string; claimCount: number;
}
export interface EpochItem { status: string; epoch: Epoch; evaluation: Evaluation | null }
export interface EpochList { modelId: number; chainTime: number | null; items: EpochItem[] }
export interface Claim {
  modelId: number; epoch: number; account: string; leafIndex: number; openAmount: string; shareAmount: string;
  blockNumber: number; logIndex: number; txHash: string;
}
export interface ModelRevenue {
  modelId: number; shareBalance: string; withdrawn: string; withdrawalCount: number; depositedForHolders: string; withdrawable: string | null;
}
export interface AccountRevenue { account: string; models: ModelRevenue[] }
export interface UnclaimedEpoch {
  modelId: number; epoch: number; status: string; leafIndex: number | null; openAmount: string | null; shareAmount: string | null;
}
export interface UnclaimedEpochs { account: string; basis: string; items: UnclaimedEpoch[] }
export interface Proof {
  modelId: number; epoch: number; account: string; leafIndex: number; openAmount: string; shareAmount: string;
  proof: string[]; root: string; rootMatchesPosted: boolean; claimed: boolean;
}
export interface NodeStatus {
  healthy: boolean; status: string; description: string; cursor: number | null; cursorHash: string | null;
  head: number | null; lag: number | null; updatedAt: string;
}
export interface ErrorDescription { selector: string; signature: string; name: string; inputs: { name: string; type: string }[] }
export interface Contracts {
  chainId: number; contributionRegistry: string; modelShares: string; rewardDistributor: string;
  token: { symbol: string; decimals: number }; errors: ErrorDescription[];
}
export interface Flag { action: string; actor: string; reason: string | null; blockNumber: number; txHash: string }
export interface SearchMatch {
  type: string; modelId: number | null; epoch: number | null; account: string | null; contributionId: string | null; event: string | null;
}
export interface SearchResult { query: string; matches: SearchMatch[] }

/** The node's stored distribution of an epoch (openledger.epoch-distribution/v1); ids are decimal text. */
export interface Distribution {
  modelId: string; epoch: number; reportHash: string; method: string; leafTypes: string[]; root: string;
  budget: { open: string; shares: string }; totals: { open: string; shares: string };
  leaves: { index: number; account: string; open: string; shares: string; capped: boolean; proof: string[] }[];
  contributions: { id: string; contributor: string; value: number; standardError?: number; outcome: string }[];
  /** Since openledger.epoch-distribution/v2: each flag candidate with why the attribution marked it. */
  flagCandidates: { id: string; contributor: string; value: number; reason: string }[];
  excludedDuplicates: { id: string; originalId: string }[];
  /** The LDS of the attribution against the retrained model, when the report measured it (docs/performance-report.md). */
  precision?: { modelClass: string; lds: number; lower: number; upper: number; subsets: number; confidence: number };
}

/** The posted performance report, as much of it as the page shows. */
export interface Report {
  evaluation: { metric: string; score: number; baseline: number; testSetHash: string };
  attribution: { method: string; parameters?: Record<string, unknown> };
}
