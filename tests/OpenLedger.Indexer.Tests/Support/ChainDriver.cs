using System.Numerics;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;

namespace OpenLedger.Indexer.Tests.Support;

/// <summary>
/// Sends seeded random registry transactions from the node's unlocked accounts (load.js set them up: model 1
/// takes zero bonds, accounts 5-14 approved the registry, account 1 owns model 1).
/// </summary>
public sealed class ChainDriver(JsonRpcClient rpc, Address registry, IReadOnlyList<Address> accounts)
{
    private const string Entry = "(bytes32 contentHash, uint8 kind, uint256 bond, string uri)";
    private static readonly AbiFunction RegisterBatch = AbiFunction.Parse($"function registerBatch(uint256 modelId, {Entry}[] entries)");
    private static readonly AbiFunction Register = AbiFunction.Parse($"function register(uint256 modelId, {Entry} entry) returns (bytes32)");
    private static readonly AbiFunction SetValidator = AbiFunction.Parse("function setValidator(uint256 modelId, address validator, bool allowed)");
    private static readonly AbiFunction CreateModel = AbiFunction.Parse(
        "function createModel(string metadataURI, (uint128 minBond, uint32 bondLock, uint32 disputeWindow, uint16 ownerBps, uint16 poolBps, bool commitReveal, uint16 minPrecisionBps) policy) returns (uint256)");

    public static async Task<ChainDriver> CreateAsync(JsonRpcClient rpc, Address registry) =>
        new(rpc, registry, await rpc.GetAccountsAsync());

    /// <summary>Mines <paramref name="blocks"/> blocks, each holding one to three random transactions.</summary>
    public async Task MineAsync(int blocks, Random random)
    {
        for (var b = 0; b < blocks; b++)
        {
            var count = random.Next(1, 4);
            if (count == 1) { await SendRandomAsync(random); continue; }
            await rpc.SetAutomineAsync(false);
            for (var t = 0; t < count; t++) await SendRandomAsync(random);
            await rpc.MineAsync();
            await rpc.SetAutomineAsync(true);
        }
    }

    private Task SendRandomAsync(Random random)
    {
        var contributor = accounts[5 + random.Next(10)];
        return random.Next(10) switch
        {
            < 5 => SendAsync(contributor, RegisterBatch.EncodeCall(1, Enumerable.Range(0, random.Next(1, 5)).Select(_ => RandomEntry(random)).ToArray())),
            < 8 => SendAsync(contributor, Register.EncodeCall(1, RandomEntry(random))),
            8 => SendAsync(accounts[1], SetValidator.EncodeCall(1, accounts[random.Next(accounts.Count)], random.Next(2) == 0)),
            _ => SendAsync(contributor, CreateModel.EncodeCall($"ipfs://reorg/{random.Next()}", new object?[] { 0, 0, 0, 0, 0, false, 0 })),
        };
    }

    private static object?[] RandomEntry(Random random)
    {
        var hash = new byte[32];
        random.NextBytes(hash);
        return [hash, random.Next(4), BigInteger.Zero, $"ipfs://reorg/{Convert.ToHexStringLower(hash.AsSpan(0, 6))}"];
    }

    private Task SendAsync(Address from, byte[] data) =>
        rpc.SendTransactionAsync(new CallRequest { From = from, To = registry, Data = data, Gas = 1_000_000 });
}
