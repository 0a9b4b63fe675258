namespace OpenLedger.Node.Relay;

/// <summary>
/// What the relay does with a registration that carries no bond (allowed on a model whose minimum bond is 0). Such a
/// registration costs its signer nothing, so wallets made for the purpose could spend the relayer's money without limit
/// but for the budgets.
/// </summary>
public enum ZeroBondPolicy
{
    /// <summary>Refused with 422 "Bond required": the relayer pays only for registrations that put a bond at stake.</summary>
    Refuse,

    /// <summary>Relayed like any other, within the per-contributor and per-model budgets.</summary>
    Relay,
}
