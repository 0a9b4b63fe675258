// ethers.js v6 figures for the rows of KeccakBenchmarks and SigningBenchmarks, as ops/s (and MB/s for 1 MiB keccak).
// Run from the repository root: node benchmarks/ethers/crypto.js
const { keccak256, SigningKey, recoverAddress, Transaction, id } = require("ethers");

function measure(fn, seconds = 2) {
  for (let i = 0; i < 20; i++) fn(); // warm up the JIT
  let ops = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(Math.round(seconds * 1e9));
  let now = start;
  while (now < end) {
    fn();
    ops++;
    if ((ops & 7) === 0) now = process.hrtime.bigint();
  }
  now = process.hrtime.bigint();
  return ops / (Number(now - start) / 1e9);
}

const bytes = (n) => { const b = new Uint8Array(n); for (let i = 0; i < n; i++) b[i] = (i * 31 + 7) & 0xff; return b; };
const key = new SigningKey("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
const hash = id("benchmark");
const signature = key.sign(hash);
const tx = {
  type: 2, chainId: 31337n, nonce: 42, maxPriorityFeePerGas: 1000000000n, maxFeePerGas: 30000000000n, gasLimit: 120000n,
  to: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", value: 1000000000000000n,
  data: "0xa9059cbb00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c80000000000000000000000000000000000000000000000000de0b6b3a7640000",
};

const b32 = bytes(32), b64 = bytes(64), mib = bytes(1 << 20);
const result = {
  library: `ethers ${require("ethers").version}`,
  node: process.version,
  "keccak256 32 B ops/s": measure(() => keccak256(b32)),
  "keccak256 64 B ops/s": measure(() => keccak256(b64)),
  "keccak256 1 MiB MB/s": measure(() => keccak256(mib)) * (1 << 20) / 1e6,
  "sign ops/s": measure(() => key.sign(hash)),
  "recoverAddress ops/s": measure(() => recoverAddress(hash, signature)),
  "EIP-1559 sign+serialize ops/s": measure(() => {
    const t = Transaction.from(tx);
    t.signature = key.sign(t.unsignedHash);
    return t.serialized;
  }),
};
for (const k of Object.keys(result)) if (typeof result[k] === "number") result[k] = Math.round(result[k] * 10) / 10;
process.stdout.write(JSON.stringify(result, null, 2) + "\n");
