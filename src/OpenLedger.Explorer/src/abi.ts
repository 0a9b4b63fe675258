import type { ErrorDescription } from "./api";
import { bytesToHex, concat, hexToBytes, keccakText, word } from "./hex";
import { checksum } from "./format";

// The few calls the page sends and the decoding of a revert into the contract's custom error. The errors' selectors,
// signatures and input names come from the node (/contracts), which takes them from the contracts' bindings.

export function selector(signature: string): Uint8Array {
  return keccakText(signature).slice(0, 4);
}

const address = (a: string) => concat(new Uint8Array(12), hexToBytes(a));

export function encodeClaim(modelId: bigint, epoch: bigint, index: bigint, account: string, open: bigint, shares: bigint, proof: string[]): string {
  const head = concat(word(modelId), word(epoch), word(index), address(account), word(open), word(shares), word(7n * 32n));
  const tail = concat(word(BigInt(proof.length)), ...proof.map(hexToBytes));
  return bytesToHex(concat(selector("claim(uint256,uint256,uint256,address,uint256,uint256,bytes32[])"), head, tail));
}

export function encodeWithdrawRevenue(modelId: bigint): string {
  return bytesToHex(concat(selector("withdrawRevenue(uint256)"), word(modelId)));
}

export function encodeWithdrawBond(modelId: bigint, contentHash: string): string {
  return bytesToHex(concat(selector("withdrawBond(uint256,bytes32)"), word(modelId), hexToBytes(contentHash)));
}

/** `Name(input: value, …)` for revert data of a known custom error, or null when the selector is not one of them. */
export function decodeError(data: string, errors: ErrorDescription[]): string | null {
  const bytes = hexToBytes(data);
  if (bytes.length < 4) return null;
  const found = errors.find(e => e.selector.toLowerCase() === bytesToHex(bytes.slice(0, 4)));
  if (!found) return null;
  const args = bytes.slice(4);
  const values = found.inputs.map((input, i) => `${input.name || `arg${i}`}: ${decodeValue(input.type, args, i)}`);
  return `${found.name}(${values.join(", ")})`;
}

function decodeValue(type: string, args: Uint8Array, i: number): string {
  const at = (offset: number) => args.slice(offset, offset + 32);
  const slot = at(32 * i);
  if (slot.length < 32) return "?";
  const n = BigInt(bytesToHex(slot));
  if (type === "address") return checksum(bytesToHex(slot.slice(12)));
  if (type === "bool") return n === 0n ? "false" : "true";
  if (type.startsWith("uint")) return n.toString();
  if (type.startsWith("int")) {
    const bits = BigInt(type.slice(3) || "256");
    return (n >= 1n << (bits - 1n) ? n - (1n << bits) : n).toString();
  }
  if (type === "string" || type === "bytes") {
    const offset = Number(n);
    const length = Number(BigInt(bytesToHex(at(offset))));
    const body = args.slice(offset + 32, offset + 32 + length);
    return type === "string" ? JSON.stringify(new TextDecoder().decode(body)) : bytesToHex(body);
  }
  return bytesToHex(slot);
}
