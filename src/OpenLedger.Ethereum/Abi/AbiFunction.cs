namespace OpenLedger.Ethereum.Abi;

/// <summary>A function descriptor: selector, calldata encoding and return-value decoding.</summary>
public sealed class AbiFunction
{
    private readonly AbiType[] _inputTypes;
    private readonly AbiType[] _outputTypes;

    public AbiFunction(string name, IReadOnlyList<AbiParameter> inputs, IReadOnlyList<AbiParameter>? outputs = null)
    {
        Name = name;
        Inputs = inputs;
        Outputs = outputs ?? [];
        _inputTypes = [.. inputs.Select(p => p.Type)];
        _outputTypes = [.. Outputs.Select(p => p.Type)];
        Signature = $"{name}({string.Join(',', _inputTypes.Select(t => t.CanonicalName))})";
        Selector = AbiSelector.FromSignature(Signature);
    }

    /// <summary>Parses <c>transfer(address to, uint256 amount) returns (bool)</c>; the <c>function</c> keyword is optional.</summary>
    public static AbiFunction Parse(string signature)
    {
        var parsed = AbiSignatureParser.Parse(signature, "function");
        if (parsed.Anonymous) throw new EthereumException($"'{signature}' is not a valid signature: a function cannot be anonymous");
        return new AbiFunction(parsed.Name, parsed.Inputs, parsed.Outputs);
    }

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Inputs { get; }

    public IReadOnlyList<AbiParameter> Outputs { get; }

    /// <summary>The canonical signature the selector hashes, e.g. <c>baz(uint32,bool)</c>.</summary>
    public string Signature { get; }

    public AbiSelector Selector { get; }

    /// <summary>Calldata: the selector followed by the encoded arguments.</summary>
    public byte[] EncodeCall(params object?[] arguments)
    {
        Span<byte> selector = stackalloc byte[4];
        Selector.WriteTo(selector);
        try { return AbiEncoder.Encode(_inputTypes, arguments, selector); }
        catch (EthereumException e) { throw new EthereumException($"{Signature}: {e.Message}", e); }
    }

    /// <summary>Decodes calldata produced for this function; the selector must match.</summary>
    public object?[] DecodeCall(ReadOnlySpan<byte> calldata)
    {
        var selector = AbiSelector.Of(calldata);
        if (selector != Selector)
            throw new EthereumException($"Calldata for {Signature} must start with {Selector} but starts with {(selector?.ToString() ?? $"only {calldata.Length} bytes")}");
        try { return AbiDecoder.Decode(_inputTypes, calldata[4..]); }
        catch (EthereumException e) { throw new EthereumException($"{Signature} calldata: {e.Message}", e); }
    }

    /// <summary>Decodes what the function returned (the <c>eth_call</c> result).</summary>
    public object?[] DecodeOutput(ReadOnlySpan<byte> returnData)
    {
        try { return AbiDecoder.Decode(_outputTypes, returnData); }
        catch (EthereumException e) { throw new EthereumException($"{Signature} return value: {e.Message}", e); }
    }

    public override string ToString() => Signature;
}
