namespace OpenLedger.Arena.Strategies;

/// <summary>Kinds of attack, each with its own target in issue 14 (see <see cref="Board.Targets"/>).</summary>
public enum StrategyFamily
{
    Control,
    Copy,
    Junk,
    Synthetic,
    Leakage,
    Poisoning,
    Sybil,
    Reporter,
}
