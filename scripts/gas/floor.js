// Theoretical gas floor of a transaction: what any implementation of the same behaviour must pay.
//   21,000 intrinsic + calldata (EIP-2028: 4 per zero byte, 16 per non-zero byte)
//   + the storage writes the behaviour requires (EIP-2929/EIP-2200 prices, cold access included)
//   + its logs (375 + 375 per topic + 8 per data byte).
const INTRINSIC = 21000;
// A first write of a slot in the transaction, cold: 2,100 access + 20,000 (zero -> non-zero) or 2,900 (non-zero -> non-zero).
const SLOT = { NEW: 22100, UPDATE: 5000 };

function calldataGas(data) {
  const bytes = Buffer.from(data.slice(2), "hex");
  let gas = 0;
  for (const b of bytes) gas += b === 0 ? 4 : 16;
  return gas;
}

function logGas(logs) {
  return logs.reduce((sum, log) => sum + 375 + 375 * log.topics.length + 8 * ((log.data.length - 2) / 2), 0);
}

/** writes: array of SLOT values the behaviour must store (documented at the call site). */
function floorOf(tx, receipt, writes) {
  const calldata = calldataGas(tx.data);
  const logs = logGas(receipt.logs);
  const storage = writes.reduce((a, b) => a + b, 0);
  return { intrinsic: INTRINSIC, calldata, storage, logs, total: INTRINSIC + calldata + storage + logs };
}

module.exports = { floorOf, calldataGas, logGas, SLOT, INTRINSIC };
