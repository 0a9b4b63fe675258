namespace OpenLedger.Node.Relay;

/// <summary>Why the relay refuses a request, as the problem details response it becomes (status, title, detail).</summary>
public readonly record struct RelayRefusal(int Status, string Title, string Detail);
