namespace OpenLedger.Ethereum;

/// <summary>
/// The one exception of the Ethereum layer: malformed input (hex, lengths, ABI data, RLP, signatures,
/// keystores) and failed remote calls. The message says what was expected and what was found.
/// </summary>
public class EthereumException : Exception
{
    public EthereumException(string message) : base(message) { }

    public EthereumException(string message, Exception inner) : base(message, inner) { }
}
