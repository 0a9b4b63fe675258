// Reference: ethers v6 Mnemonic and HDNodeWallet for each { entropy, passphrase, path }.
const { Mnemonic, HDNodeWallet } = require("ethers");
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(input.map(({ entropy, passphrase, path }) => {
  const mnemonic = Mnemonic.fromEntropy(entropy, passphrase);
  const wallet = HDNodeWallet.fromMnemonic(mnemonic, path);
  return { phrase: mnemonic.phrase, seed: mnemonic.computeSeed(), address: wallet.address, privateKey: wallet.privateKey, xprv: wallet.extendedKey };
})));
