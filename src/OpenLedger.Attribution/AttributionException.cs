namespace OpenLedger.Attribution;

/// <summary>
/// The one exception of the attribution engine: input that cannot be attributed, split or hashed.
/// The message says what was expected and what was found.
/// </summary>
public class AttributionException : Exception
{
    public AttributionException(string message) : base(message) { }

    public AttributionException(string message, Exception inner) : base(message, inner) { }
}
