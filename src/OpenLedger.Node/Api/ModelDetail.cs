using OpenLedger.Indexer.Store.Views;

namespace OpenLedger.Node.Api;

/// <summary>A model, its current policy and the validators currently allowed to flag its contributions.</summary>
public sealed record ModelDetail(ModelView Model, IReadOnlyList<string> Validators);
