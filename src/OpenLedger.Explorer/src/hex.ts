import { keccak_256 } from "@noble/hashes/sha3.js";

// Byte helpers shared by the Merkle check, the ABI encoder and address formatting.

export function hexToBytes(hex: string): Uint8Array {
  const digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.slice(2) : hex;
  if (digits.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(digits)) throw new Error(`'${hex}' is not hex bytes`);
  const bytes = new Uint8Array(digits.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

export function bytesToHex(bytes: Uint8Array): string {
  let hex = "0x";
  for (const b of bytes) hex += b.toString(16).padStart(2, "0");
  return hex;
}

export function keccak(bytes: Uint8Array): Uint8Array {
  return keccak_256(bytes);
}

export function keccakText(text: string): Uint8Array {
  return keccak_256(new TextEncoder().encode(text));
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** A uint256 as its 32-byte big-endian ABI word. */
export function word(value: bigint): Uint8Array {
  if (value < 0n || value >= 1n << 256n) throw new Error(`${value} is not a uint256`);
  return hexToBytes(value.toString(16).padStart(64, "0"));
}

/** A 0x hex id or a decimal id as a bigint (the API writes contribution ids as 0x hex, distributions as decimal). */
export function toBigInt(id: string): bigint {
  return BigInt(id);
}
