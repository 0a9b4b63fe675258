namespace OpenLedger.Indexer.Store.Views;

/// <summary>A model's validator as last set.</summary>
public sealed record ValidatorView
{
    public long ModelId { get; init; }
    public string Validator { get; init; } = "";
    public bool Allowed { get; init; }
    public long UpdatedBlock { get; init; }
}
