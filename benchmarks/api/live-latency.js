// Live latency of the node host: registers one contribution per transaction on a running chain and measures, for
// each, the time from its receipt being returned to the node's GET /contributions/{id} first answering 200.
//   OPENLEDGER_RPC_URL=http://127.0.0.1:PORT LIVE_API_URL=http://127.0.0.1:APIPORT LIVE_DEPLOYMENT=deployment.json \
//     npx hardhat run benchmarks/api/live-latency.js --network localhost
// LIVE_COUNT transactions (200), spaced uniformly between LIVE_SPACING_MIN_MS and LIVE_SPACING_MAX_MS (100-200 ms)
// after each receipt; each contribution is polled every LIVE_POLL_MS (10 ms), so latencies are at most that much late.
// Expects model 1 to take zero bonds and signers 5-14 to have approved the registry (the indexer's load.js does both).
// Prints one markdown table row on stdout and the details on stderr; exits non-zero if any contribution never appears.
const fs = require("fs");
const { performance } = require("perf_hooks");
const hre = require("hardhat");

const { ethers } = hre;
const env = (name, fallback) => process.env[name] ?? fallback;
const count = Number(env("LIVE_COUNT", "200"));
const spacingMin = Number(env("LIVE_SPACING_MIN_MS", "100"));
const spacingMax = Number(env("LIVE_SPACING_MAX_MS", "200"));
const pollMs = Number(env("LIVE_POLL_MS", "10"));
const timeoutMs = Number(env("LIVE_TIMEOUT_MS", "30000"));
const apiUrl = env("LIVE_API_URL", "");
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function firstOk(url, since) {
  for (;;) {
    const response = await fetch(url);
    await response.arrayBuffer();
    if (response.status === 200) return performance.now() - since;
    if (response.status !== 404) throw new Error(`${url} answered ${response.status}, expected 404 until indexed, then 200`);
    if (performance.now() - since > timeoutMs) throw new Error(`${url} still 404 ${timeoutMs} ms after the receipt`);
    await sleep(pollMs);
  }
}

// Nearest rank, as the C# load generator computes it.
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

async function main() {
  if (!apiUrl) throw new Error("LIVE_API_URL must be the node host's base URL, e.g. http://127.0.0.1:5080, but is empty");
  const deployment = JSON.parse(fs.readFileSync(env("LIVE_DEPLOYMENT", "deployment.json"), "utf8"));
  const registry = await ethers.getContractAt("ContributionRegistry", deployment.contracts.ContributionRegistry.address);
  const signers = (await ethers.getSigners()).slice(5, 15);
  const run = `${Date.now()}`;
  const topic = registry.interface.getEvent("ContributionRegistered").topicHash;
  const waits = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const entry = {
      contentHash: ethers.keccak256(ethers.toUtf8Bytes(`openledger-api-bench:${run}:${i}`)),
      kind: i % 4, bond: 0n, uri: `ipfs://openledger/live/${run}/${i}`,
    };
    const receipt = await (await registry.connect(signers[i % signers.length]).register(1, entry)).wait();
    const receivedAt = performance.now();
    if (receipt.status !== 1) throw new Error(`register ${i} (tx ${receipt.hash}) reverted`);
    const log = receipt.logs.find((l) => l.topics[0] === topic);
    if (!log) throw new Error(`register ${i} (tx ${receipt.hash}) emitted no ContributionRegistered`);
    waits.push(firstOk(`${apiUrl}/contributions/${log.topics[1]}`, receivedAt));
    await sleep(spacingMin + Math.random() * (spacingMax - spacingMin));
  }
  const sendSeconds = (performance.now() - started) / 1000;
  const settled = await Promise.allSettled(waits);
  const failures = settled.filter((s) => s.status === "rejected");
  const latencies = settled.filter((s) => s.status === "fulfilled").map((s) => s.value).sort((a, b) => a - b);
  const ms = (v) => (v === undefined ? "n/a" : v.toFixed(0));
  const p95 = percentile(latencies, 95);
  console.error(`${count} transactions in ${sendSeconds.toFixed(1)} s; latency ms min ${ms(latencies[0])} p50 ${ms(percentile(latencies, 50))} `
    + `p95 ${ms(p95)} p99 ${ms(percentile(latencies, 99))} max ${ms(latencies[latencies.length - 1])}; ${failures.length} never appeared`);
  for (const f of failures.slice(0, 3)) console.error(`  ${f.reason.message}`);
  console.log(`| ${count} | ${spacingMin}-${spacingMax} | ${pollMs} | ${ms(percentile(latencies, 50))} | ${ms(p95)} | `
    + `${ms(latencies[latencies.length - 1])} | ${p95 !== undefined && p95 <= 1000 && failures.length === 0 ? "yes" : "no"} | ${failures.length} |`);
  if (failures.length > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
