import { keccakText } from "./hex";

// How addresses, amounts and times are shown, in one place (as wallets show them).

/** EIP-55: each letter of the address upper-cased where the keccak of its lower-case hex has a nibble of 8 or more. */
export function checksum(address: string): string {
  const lower = address.toLowerCase().replace(/^0x/, "");
  const hash = keccakText(lower);
  let out = "0x";
  for (let i = 0; i < 40; i++) {
    const nibble = (hash[i >> 1] >> (i % 2 === 0 ? 4 : 0)) & 0xf;
    out += nibble >= 8 ? lower[i].toUpperCase() : lower[i];
  }
  return out;
}

/** A token amount in its smallest unit (decimal text) with the token's decimals, trailing zeros trimmed to 4 places at least. */
export function units(amount: string | bigint, decimals = 18, symbol = "OPEN"): string {
  const value = typeof amount === "bigint" ? amount : BigInt(amount);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const scale = 10n ** BigInt(decimals);
  const whole = (abs / scale).toLocaleString("en-US");
  let fraction = (abs % scale).toString().padStart(decimals, "0").replace(/0+$/, "");
  if (fraction.length < 4) fraction = fraction.padEnd(4, "0");
  return `${negative ? "-" : ""}${whole}.${fraction}${symbol ? " " + symbol : ""}`;
}

/** A plain integer with thousands separators (shares, blocks). */
export function count(amount: string | number | bigint): string {
  return BigInt(amount).toLocaleString("en-US");
}

export function percent(bps: number): string {
  return `${(bps / 100).toFixed(2).replace(/\.00$/, "")}%`;
}

/** The start and end of a long hash, the whole of it in the title for copying. */
export function short(hash: string): string {
  return hash.length > 14 ? `${hash.slice(0, 8)}…${hash.slice(-6)}` : hash;
}

export function when(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");
}

export function value(v: number): string {
  return v.toFixed(4);
}

export const KINDS = ["data", "compute", "fine-tune", "evaluation"];
