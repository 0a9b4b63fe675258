using System.Buffers.Binary;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Abi;

/// <summary>The first four bytes of keccak(signature): what calldata and revert data start with.</summary>
public readonly record struct AbiSelector(uint Value)
{
    public static AbiSelector FromSignature(string signature) =>
        new(BinaryPrimitives.ReadUInt32BigEndian(Keccak.Hash(signature).AsSpan()));

    /// <summary>The selector at the start of calldata or revert data, or null when there are fewer than 4 bytes.</summary>
    public static AbiSelector? Of(ReadOnlySpan<byte> data) =>
        data.Length < 4 ? null : new AbiSelector(BinaryPrimitives.ReadUInt32BigEndian(data));

    public void WriteTo(Span<byte> destination) => BinaryPrimitives.WriteUInt32BigEndian(destination, Value);

    public byte[] ToArray()
    {
        var bytes = new byte[4];
        WriteTo(bytes);
        return bytes;
    }

    public override string ToString() => "0x" + Value.ToString("x8");
}
