using OpenLedger.Ethereum.Accounts;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Tests.Accounts;

public class HdWalletTests
{
    private const string HardhatMnemonic = "test test test test test test test test test test test junk";

    [Theory]
    [InlineData(0, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80")]
    [InlineData(1, "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d")]
    [InlineData(2, "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a")]
    [InlineData(3, "0x90F79bf6EB2c4f870365E785982E1f101E93b906", "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6")]
    [InlineData(19, "0x8626f6940E2eb28930eFb4CeF49B2d1F2C9C1199", "0xdf57089febbacf7ba0bc227dafbffa9fc08a93fdc68e1e42411a14efcf23656e")]
    public void The_Hardhat_mnemonic_gives_the_default_accounts(int index, string address, string privateKey)
    {
        var account = new HdWallet(HardhatMnemonic).GetAccount(index);
        Assert.Equal(Address.Parse(address), account.Address);
        Assert.Equal(privateKey, account.PrivateKeyHex);
    }

    [Fact]
    public void An_account_by_path_equals_the_account_by_index()
    {
        var wallet = new HdWallet(HardhatMnemonic);
        Assert.Equal(wallet.GetAccount(7).Address, wallet.GetAccount("m/44'/60'/0'/0/7").Address);
    }

    [Fact]
    public void A_passphrase_gives_a_different_wallet()
    {
        Assert.NotEqual(new HdWallet(HardhatMnemonic).GetAccount(0).Address, new HdWallet(HardhatMnemonic, "x").GetAccount(0).Address);
    }

    [Fact]
    public void A_negative_account_index_is_rejected()
    {
        Assert.Throws<EthereumException>(() => new HdWallet(HardhatMnemonic).GetAccount(-1));
    }
}
