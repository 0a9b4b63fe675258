import type { Distribution } from "./api";
import { bytesToHex, concat, hexToBytes, keccak, word } from "./hex";

// The claim tree recomputed in the browser, as RewardDistributor checks a claim and as the node builds it
// (src/OpenLedger.Attribution/Merkle/StandardMerkleTree.cs, OpenZeppelin's StandardMerkleTree layout):
// leaf = keccak256(keccak256(abi.encode(index, account, openAmount, shareAmount))); leaves sorted ascending by hash;
// a complete binary tree in an array of 2n-1 nodes, leaf i (in sorted order) at 2n-2-i; inner node = keccak256 of its
// two children, the smaller first.

/** The leaf encoding IRewardDistributor.sol documents and the contract hashes in claim(). */
export const LEAF_TYPES = ["uint256", "address", "uint256", "uint256"];

export function leafHash(index: bigint, account: string, openAmount: bigint, shareAmount: bigint): Uint8Array {
  const address = hexToBytes(account);
  if (address.length !== 20) throw new Error(`leaf account '${account}' is not a 20-byte address`);
  const encoded = concat(word(index), concat(new Uint8Array(12), address), word(openAmount), word(shareAmount));
  return keccak(keccak(encoded));
}

function compare(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

export function hashPair(a: Uint8Array, b: Uint8Array): Uint8Array {
  return compare(a, b) <= 0 ? keccak(concat(a, b)) : keccak(concat(b, a));
}

/** The root of the tree over these leaf hashes (in any order). */
export function rootOf(leaves: Uint8Array[]): string {
  if (leaves.length === 0) throw new Error("a Merkle tree needs at least one leaf");
  const sorted = [...leaves].sort(compare);
  const n = sorted.length;
  const tree: Uint8Array[] = new Array(2 * n - 1);
  for (let i = 0; i < n; i++) tree[2 * n - 2 - i] = sorted[i];
  for (let i = n - 2; i >= 0; i--) tree[i] = hashPair(tree[2 * i + 1], tree[2 * i + 2]);
  return bytesToHex(tree[0]);
}

/** Recomputes the root of a served distribution from its leaves alone (proofs and the served root are not used). */
export function recomputeRoot(distribution: Distribution): string {
  if (distribution.leafTypes.join(",") !== LEAF_TYPES.join(","))
    throw new Error(`the distribution's leaves are (${distribution.leafTypes.join(", ")}), expected (${LEAF_TYPES.join(", ")})`);
  return rootOf(distribution.leaves.map(l => leafHash(BigInt(l.index), l.account, BigInt(l.open), BigInt(l.shares))));
}
