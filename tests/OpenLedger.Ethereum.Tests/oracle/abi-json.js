// Reference for JSON ABI reading: ethers v6 Interface lists each fragment's signature and selector or topic hash.
const { Interface } = require("ethers");
const abi = JSON.parse(require("fs").readFileSync(0, "utf8"));
const iface = new Interface(abi);
const out = [];
iface.forEachFunction((f) => out.push({ kind: "function", signature: f.format("sighash"), id: f.selector }));
iface.forEachEvent((e) => out.push({ kind: "event", signature: e.format("sighash"), id: e.topicHash }));
iface.forEachError((e) => out.push({ kind: "error", signature: e.format("sighash"), id: e.selector }));
process.stdout.write(JSON.stringify(out));
