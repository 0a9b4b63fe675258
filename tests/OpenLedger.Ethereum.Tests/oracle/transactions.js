// Reference: ethers v6 Transaction for each spec: unsigned hash, signed raw bytes, hash, and the parsed sender.
const { Transaction, SigningKey } = require("ethers");
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(input.map((spec) => {
  const tx = Transaction.from({
    type: spec.type, chainId: BigInt(spec.chainId), nonce: Number(spec.nonce), gasLimit: BigInt(spec.gasLimit),
    to: spec.to, value: BigInt(spec.value), data: spec.data,
    ...(spec.type === 0
      ? { gasPrice: BigInt(spec.gasPrice) }
      : { maxFeePerGas: BigInt(spec.maxFeePerGas), maxPriorityFeePerGas: BigInt(spec.maxPriorityFeePerGas), accessList: spec.accessList }),
  });
  const unsignedHash = tx.unsignedHash;
  tx.signature = new SigningKey(spec.key).sign(unsignedHash);
  return { unsignedHash, raw: tx.serialized, hash: tx.hash, from: Transaction.from(tx.serialized).from };
})));
