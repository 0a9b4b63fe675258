namespace OpenLedger.Node;

/// <summary>
/// The node refuses to start: its configuration contradicts what it can see (the chain it was pointed at is another
/// one). The message is one line that says what was expected and what was found; hosts print it, not a stack trace.
/// </summary>
public sealed class NodeStartupException(string message) : Exception(message);
