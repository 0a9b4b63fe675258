// Differential oracle: ethers v6 encodes logs, revert data, calldata and return data for our contracts' ABIs.
// stdin: [{ abi: [artifact paths relative to the repo root], op: "event"|"error"|"call"|"result", name, args }]
// stdout: [{ topics?, data }]
const fs = require("fs");
const path = require("path");
const { Interface } = require("ethers");

const root = path.resolve(__dirname, "..", "..", "..");
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const interfaces = new Map();
function iface(paths) {
  const key = paths.join("|");
  if (!interfaces.has(key)) {
    const abi = paths.flatMap((p) => JSON.parse(fs.readFileSync(path.join(root, p), "utf8")).abi).filter((i) => i.type !== "constructor");
    const seen = new Set();
    interfaces.set(key, new Interface(abi.filter((i) => { const k = JSON.stringify([i.type, i.name, i.inputs]); return seen.has(k) ? false : seen.add(k); })));
  }
  return interfaces.get(key);
}
const out = input.map(({ abi, op, name, args }) => {
  const i = iface(abi);
  switch (op) {
    case "event": { const { topics, data } = i.encodeEventLog(name, args); return { topics, data }; }
    case "error": return { data: i.encodeErrorResult(name, args) };
    case "call": return { data: i.encodeFunctionData(name, args) };
    case "result": return { data: i.encodeFunctionResult(name, args) };
    default: throw new Error(`unknown op ${op}`);
  }
});
process.stdout.write(JSON.stringify(out));
