using Microsoft.Extensions.Options;
using OpenLedger.Contracts;
using OpenLedger.Indexer;
using OpenLedger.Indexer.Deployment;

namespace OpenLedger.Node.Api;

public static class ContractsApi
{
    /// <summary>OpenToken's ERC-20 metadata; the contract fixes both (OpenToken.sol, ERC20's default decimals).</summary>
    public static readonly TokenDescription Open = new("OPEN", 18);

    public static IEndpointRouteBuilder MapContractsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/contracts", (IOptions<IndexerOptions> options) => TypedResults.Ok(Describe(DeploymentFile.Load(options.Value.DeploymentFile))))
            .WithName("GetContracts").WithTags("Contracts")
            .WithSummary("Chain id, contract addresses, the token's symbol and decimals and every custom error (selector, signature, inputs)");
        return routes;
    }

    internal static ContractsResponse Describe(DeploymentFile deployment) => new(
        deployment.ChainId, deployment.Registry.Address.ToString(), deployment.Shares.Address.ToString(),
        deployment.Distributor.Address.ToString(), Open,
        [.. OpenLedgerContracts.Errors.Select(e => new ErrorDescription(e.Selector.ToString(), e.Signature, e.Name,
            [.. e.Inputs.Select(i => new ErrorInput(i.Name, i.Type.CanonicalName))]))]);
}
