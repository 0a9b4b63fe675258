namespace OpenLedger.Demo;

/// <summary>
/// Where the demo runs: the chain (<c>RpcUrl</c>), its <c>DeploymentFile</c>, the node host scripts/demo.sh started
/// (<c>NodeUrl</c>) and the demo's own files (<c>WorkDirectory</c>: shards, test split, report, summary.json).
/// <c>DatasetFile</c> is in scikit-learn's CSV form (data/wine_data.csv); <c>ApiTokenVariable</c> names the
/// environment variable holding the node's Epochs:ApiToken; <c>Seed</c> seeds the split, shards and corruption.
/// </summary>
public sealed record DemoSettings(
    Uri RpcUrl,
    string DeploymentFile,
    Uri NodeUrl,
    string WorkDirectory,
    string DatasetFile,
    string ApiTokenVariable,
    ulong Seed);
