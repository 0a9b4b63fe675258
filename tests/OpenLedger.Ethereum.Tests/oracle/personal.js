// Reference: ethers v6 hashMessage and Wallet.signMessageSync (EIP-191) for each { key, text } or { key, bytes }.
const { Wallet, hashMessage, getBytes, verifyMessage } = require("ethers");
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(input.map(({ key, text, bytes }) => {
  const message = text !== undefined ? text : getBytes(bytes);
  const signature = new Wallet(key).signMessageSync(message);
  return { hash: hashMessage(message), signature, signer: verifyMessage(message, signature) };
})));
