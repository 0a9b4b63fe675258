using System.Text.Json.Nodes;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;
using OpenLedger.Contracts.Binding;
using OpenLedger.Contracts.Distributor;
using OpenLedger.Contracts.Registry;
using OpenLedger.Contracts.Shares;
using OpenLedger.Contracts.Tests.Sync;
using OpenLedger.Contracts.Token;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Contracts.Tests.Nethereum;

// Every event of our four contracts, with Nethereum (reading the Hardhat artifact's ABI, not our bindings) as a
// second oracle beside ethers (Bindings/EventBindingTests): logs Nethereum encodes decode into the generated
// records, and logs we encode decode in Nethereum to the same values.
public class NethereumEventTests
{
    private const int CasesPerEvent = 12;

    public static TheoryData<string> Contracts => new() { "OpenToken", "ContributionRegistry", "ModelShares", "RewardDistributor" };

    private static (ContractBinding Binding, ContractEventDecoder Decoder) Binding(string contract) => contract switch
    {
        "OpenToken" => (OpenTokenAbi.Binding, OpenTokenAbi.Events),
        "ContributionRegistry" => (ContributionRegistryAbi.Binding, ContributionRegistryAbi.Events),
        "ModelShares" => (ModelSharesAbi.Binding, ModelSharesAbi.Events),
        "RewardDistributor" => (RewardDistributorAbi.Binding, RewardDistributorAbi.Events),
        _ => throw new ArgumentException(contract),
    };

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Logs_of_every_event_encoded_by_Nethereum_decode_into_the_generated_records(string contract)
    {
        var (binding, decoder) = Binding(contract);
        var theirs = ArtifactEvents(binding);
        var random = new EventValues(contract.Length * 1000 + 1661);
        foreach (var evt in binding.Events)
        {
            var theirEvent = theirs.Single(e => e.Name == evt.Name);
            Assert.Equal(evt.Topic0.ToString(), "0x" + theirEvent.Sha3Signature);
            for (var i = 0; i < CasesPerEvent; i++)
            {
                var values = evt.Parameters.Select(p => random.Next(p.Type)).ToArray();
                var ordered = theirEvent.InputParameters.OrderBy(p => p.Order).ToArray();
                // Indexed parameters of our events are all value types: the topic is the value's ABI word.
                var topics = new[] { evt.Topic0 }.Concat(ordered.Select((p, k) => (p, k)).Where(x => x.p.Indexed)
                    .Select(x => new Hash32(x.p.ABIType.Encode(ToNethereum(evt.Parameters[x.k].Type, values[x.k]))))).ToArray();
                var data = new ParametersEncoder().EncodeParameters([.. ordered.Where(p => !p.Indexed)],
                    [.. ordered.Select((p, k) => (p, k)).Where(x => !x.p.Indexed).Select(x => ToNethereum(evt.Parameters[x.k].Type, values[x.k]))]);

                var record = decoder.Decode(topics, data);
                Assert.NotNull(record);
                Assert.Equal(evt, record.Event);
                var expected = new JsonArray([.. values.Select(EventValues.Json)]);
                Assert.True(JsonNode.DeepEquals(expected, EventValues.Json(record)), $"{evt.Signature} case {i}: {EventValues.Json(record)!.ToJsonString()} vs {expected.ToJsonString()}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Logs_of_every_event_encoded_by_us_decode_in_Nethereum_to_the_same_values(string contract)
    {
        var (binding, _) = Binding(contract);
        var theirs = ArtifactEvents(binding);
        var random = new EventValues(contract.Length * 1000 + 1662);
        foreach (var evt in binding.Events)
        {
            var theirEvent = theirs.Single(e => e.Name == evt.Name);
            for (var i = 0; i < CasesPerEvent; i++)
            {
                var values = evt.Parameters.Select(p => random.Next(p.Type)).ToArray();
                var topics = new[] { evt.Topic0 }.Concat(evt.Parameters.Select((p, k) => (p, k)).Where(x => x.p.Indexed)
                    .Select(x => AbiEvent.EncodeTopic(x.p.Type, values[x.k]))).ToArray();
                var data = AbiEncoder.Encode([.. evt.Parameters.Where(p => !p.Indexed).Select(p => p.Type)],
                    [.. evt.Parameters.Select((p, k) => (p, k)).Where(x => !x.p.Indexed).Select(x => values[x.k])]);

                var outputs = new EventTopicDecoder().DecodeDefaultTopics(theirEvent, [.. topics.Select(t => (object)t.ToString())], Hex.Encode(data));
                var decoded = new JsonArray([.. evt.Parameters.Select(p => EventValues.NethereumJson(p.Type, outputs.Single(o => o.Parameter.Name == p.Name).Result))]);
                var expected = new JsonArray([.. values.Select(EventValues.Json)]);
                Assert.True(JsonNode.DeepEquals(expected, decoded), $"{evt.Signature} case {i}: Nethereum decodes {decoded.ToJsonString()}, we encoded {expected.ToJsonString()}");
            }
        }
    }

    /// <summary>Nethereum's events of the artifact the binding was generated from (inherited events included).</summary>
    private static EventABI[] ArtifactEvents(ContractBinding binding) =>
        ABIDeserialiserFactory.DeserialiseContractABI(HardhatArtifacts.Read(binding.GeneratedFrom)["abi"]!.ToJsonString()).Events;

    private static object ToNethereum(AbiType type, object? value) => (type.Kind, value) switch
    {
        (AbiTypeKind.Address, Address a) => Hex.Encode(a.AsSpan()),
        (AbiTypeKind.DynamicArray or AbiTypeKind.FixedArray, object?[] items) => items.Select(item => ToNethereum(type.Element!, item)).ToList(),
        (AbiTypeKind.Tuple, object?[] items) => items.Select((item, i) => ToNethereum(type.Components[i], item)).ToArray(),
        _ => value ?? throw new InvalidOperationException($"no value for {type}"),
    };
}
