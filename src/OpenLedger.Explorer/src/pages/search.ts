import { ApiError, get, type SearchMatch, type SearchResult } from "../api";
import { h, link, section } from "../dom";
import { checksum, short } from "../format";

const ADDRESS = /^0x[0-9a-fA-F]{40}$/, HASH = /^0x[0-9a-fA-F]{64}$/, ID = /^[0-9]+$/;

/**
 * What the text typed into search looks like, or why it is none of the keys: said before asking the node, which
 * checks the same and answers the same way for a request made by hand.
 */
export function malformed(query: string): string | null {
  if (query.length === 0) return "Type a model id, an address, a contribution id, a content hash or a transaction hash.";
  if (ID.test(query) || ADDRESS.test(query) || HASH.test(query)) return null;
  if (/^0x/i.test(query)) {
    const digits = query.slice(2);
    if (!/^[0-9a-fA-F]*$/.test(digits)) return `'${query}' is not hex: after 0x, only the digits 0-9 and a-f may follow.`;
    return `'${query}' has ${digits.length} hex digits: an address has 40, a contribution id, content hash or transaction hash 64.`;
  }
  return `'${query}' is not a model id (a number), an address (0x and 40 hex digits) or a hash (0x and 64 hex digits).`;
}

/** Where one match is shown. */
export function target(m: SearchMatch): string {
  if (m.type === "model") return `#/models/${m.modelId}`;
  if (m.type === "account") return `#/accounts/${checksum(m.account!)}`;
  if (m.epoch !== null && m.event === "EpochPosted") return `#/models/${m.modelId}/epochs/${m.epoch}`;
  if (m.account) return `#/accounts/${checksum(m.account)}`;
  return `#/models/${m.modelId}`;
}

function describe(m: SearchMatch): string {
  switch (m.type) {
    case "contribution": return `Contribution ${short(m.contributionId!)} of model ${m.modelId} by ${checksum(m.account!)}`;
    case "content": return `Content registered in model ${m.modelId} by ${checksum(m.account!)} as contribution ${short(m.contributionId!)}`;
    case "transaction": return `Transaction: ${m.event} in model ${m.modelId}${m.epoch !== null ? `, epoch ${m.epoch}` : ""}` +
      `${m.account ? ` (${checksum(m.account)})` : ""}`;
    default: return `${m.type} ${m.modelId ?? m.account ?? ""}`;
  }
}

/** The search's answer: one match goes straight to its page, several are listed. */
export async function searchPage(query: string): Promise<HTMLElement[] | string> {
  const problem = malformed(query);
  if (problem) throw new ApiError(400, problem);
  const result = await get<SearchResult>(`/search?q=${encodeURIComponent(query)}`);
  if (result.matches.length === 1) return target(result.matches[0]);
  return [h("h1", {}, "Search results"),
    section(`${result.matches.length} matches for ${query}`, h("ul", {}, ...result.matches.map(m => h("li", {}, link(target(m), describe(m))))))];
}
