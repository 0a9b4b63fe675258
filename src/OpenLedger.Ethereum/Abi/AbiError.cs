namespace OpenLedger.Ethereum.Abi;

/// <summary>A Solidity error descriptor (<c>error OwnableUnauthorizedAccount(address account)</c>): selector and arguments.</summary>
public sealed class AbiError
{
    private readonly AbiType[] _types;

    public AbiError(string name, IReadOnlyList<AbiParameter> inputs)
    {
        Name = name;
        Inputs = inputs;
        _types = [.. inputs.Select(p => p.Type)];
        Signature = $"{name}({string.Join(',', _types.Select(t => t.CanonicalName))})";
        Selector = AbiSelector.FromSignature(Signature);
    }

    /// <summary>Parses <c>error Name(type name, ...)</c>; the <c>error</c> keyword is optional.</summary>
    public static AbiError Parse(string signature)
    {
        var parsed = AbiSignatureParser.Parse(signature, "error");
        if (parsed.Outputs.Length > 0 || parsed.Anonymous)
            throw new EthereumException($"'{signature}' is not a valid error signature: errors have only parameters");
        return new AbiError(parsed.Name, parsed.Inputs);
    }

    /// <summary>The built-in <c>Error(string)</c> of <c>require(cond, "reason")</c> and <c>revert("reason")</c>.</summary>
    public static AbiError ErrorString { get; } = new("Error", [new AbiParameter("message", AbiType.String)]);

    /// <summary>The built-in <c>Panic(uint256)</c> of failed asserts, overflows, out-of-bounds indexing.</summary>
    public static AbiError Panic { get; } = new("Panic", [new AbiParameter("code", AbiType.UInt256)]);

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Inputs { get; }

    public string Signature { get; }

    public AbiSelector Selector { get; }

    /// <summary>Revert data for this error: selector and encoded arguments.</summary>
    public byte[] Encode(params object?[] arguments)
    {
        Span<byte> selector = stackalloc byte[4];
        Selector.WriteTo(selector);
        return AbiEncoder.Encode(_types, arguments, selector);
    }

    /// <summary>Decodes the arguments of revert data that starts with this error's selector.</summary>
    public object?[] DecodeArguments(ReadOnlySpan<byte> revertData)
    {
        if (AbiSelector.Of(revertData) != Selector)
            throw new EthereumException($"Revert data for {Signature} must start with {Selector} but is {Primitives.Hex.Encode(revertData[..Math.Min(4, revertData.Length)])}");
        try { return AbiDecoder.Decode(_types, revertData[4..]); }
        catch (EthereumException e) { throw new EthereumException($"{Signature} revert data: {e.Message}", e); }
    }

    public override string ToString() => Signature;
}
