// Reference: ethers v6 keystores. { write: [{ key, password, n, r?, p? }] } encrypts with scrypt N = n (r, p: ethers' 8, 1 unless given);
// { read: [{ json, password }] } decrypts keystores written by us.
const { encryptKeystoreJsonSync, decryptKeystoreJsonSync, computeAddress } = require("ethers");
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const written = (input.write || []).map(({ key, password, n, r, p }) =>
  encryptKeystoreJsonSync({ address: computeAddress(key), privateKey: key }, password, { scrypt: { N: n, r: r ?? 8, p: p ?? 1 } }));
const read = (input.read || []).map(({ json, password }) => {
  const account = decryptKeystoreJsonSync(json, password);
  return { address: account.address, privateKey: account.privateKey };
});
process.stdout.write(JSON.stringify({ written, read }));
