namespace OpenLedger.Demo;

/// <summary>A step of the scenario did not do what the scenario needs; the demo stops with this message (exit 1).</summary>
public sealed class DemoFailure(string message) : Exception(message);
