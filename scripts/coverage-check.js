#!/usr/bin/env node
// The contract coverage gate: after `npx hardhat coverage`, fails (exit 1) unless every product contract under
// contracts/ (test doubles in contracts/test/ and the interfaces excluded) has lines AND branches covered at or
// above MIN_PCT. A contract that is missing from the report (skipped, or not compiled) fails too, so the gate
// cannot pass by leaving a file out.
//   node scripts/coverage-check.js [path/to/coverage-summary.json]
const fs = require("fs");
const path = require("path");

const MIN_PCT = 95;
const ROOT = path.join(__dirname, "..");
const CONTRACTS = path.join(ROOT, "contracts");
const EXCLUDED = ["test", "interfaces"].map((dir) => path.join(CONTRACTS, dir) + path.sep);

const fail = (message) => {
  console.error(`coverage-check: ${message}`);
  process.exit(1);
};

/** Every .sol file under contracts/ the gate applies to, as absolute paths. */
function productContracts(dir = CONTRACTS) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) return EXCLUDED.includes(full + path.sep) ? [] : productContracts(full);
    return item.name.endsWith(".sol") ? [full] : [];
  });
}

/** Istanbul reports a metric with nothing to cover (no branches) as 100%, sometimes as "Unknown": count it as met. */
const pctOf = (metric) => (metric.total === 0 ? 100 : Number(metric.pct));

function main() {
  const summaryPath = path.resolve(ROOT, process.argv[2] ?? path.join("coverage", "coverage-summary.json"));
  if (!fs.existsSync(summaryPath)) {
    fail(`${path.relative(ROOT, summaryPath)} not found: run \`npx hardhat coverage\` first (.solcover.js asks for json-summary)`);
  }
  let summary;
  try {
    summary = JSON.parse(fs.readFileSync(summaryPath, "utf8"));
  } catch (error) {
    fail(`${path.relative(ROOT, summaryPath)} is not valid JSON: ${error.message}`);
  }
  const byFile = new Map(
    Object.entries(summary)
      .filter(([key]) => key !== "total")
      .map(([key, metrics]) => [path.resolve(ROOT, key), metrics]),
  );

  const expected = productContracts();
  if (expected.length === 0) fail(`no contracts found under ${path.relative(ROOT, CONTRACTS)}/`);
  const rows = expected.map((file) => {
    const name = path.relative(ROOT, file);
    const metrics = byFile.get(file);
    if (!metrics) return { name, lines: "missing", branches: "missing", ok: false };
    const lines = pctOf(metrics.lines);
    const branches = pctOf(metrics.branches);
    return {
      name,
      lines: `${lines.toFixed(2)}% (${metrics.lines.covered}/${metrics.lines.total})`,
      branches: `${branches.toFixed(2)}% (${metrics.branches.covered}/${metrics.branches.total})`,
      ok: lines >= MIN_PCT && branches >= MIN_PCT,
    };
  });

  const width = (key, title) => Math.max(title.length, ...rows.map((row) => row[key].length));
  const w = { name: width("name", "contract"), lines: width("lines", "lines"), branches: width("branches", "branches") };
  const line = (name, lines, branches, status) =>
    `${name.padEnd(w.name)}  ${lines.padStart(w.lines)}  ${branches.padStart(w.branches)}  ${status}`;
  console.log(line("contract", "lines", "branches", "status"));
  console.log("-".repeat(w.name + w.lines + w.branches + 14));
  for (const row of rows) console.log(line(row.name, row.lines, row.branches, row.ok ? "ok" : "FAIL"));

  const failed = rows.filter((row) => !row.ok);
  if (failed.length > 0) {
    fail(
      `${failed.length} of ${rows.length} contracts below ${MIN_PCT}% lines and branches, or missing from the report: ` +
        failed.map((row) => row.name).join(", "),
    );
  }
  console.log(`coverage-check: all ${rows.length} contracts at or above ${MIN_PCT}% lines and branches`);
}

main();
