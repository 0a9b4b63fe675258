namespace OpenLedger.Arena.Strategies;

/// <summary>An attack by the reporter on the sampled evidence rather than by a contributor.</summary>
public enum ReporterAttack
{
    None,
    /// <summary>Draw evidence under many seeds and publish the one that pays a chosen contributor most.</summary>
    CherryPickSeed,
    /// <summary>Use the report's own seed but stop sampling at the count that pays a chosen contributor most.</summary>
    OptionalStopping,
}
