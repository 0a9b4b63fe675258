using System.CommandLine;
using System.Numerics;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Contracts.Registry;

namespace OpenLedger.Cli.Commands.Owner;

/// <summary>The policy fields as options; unset ones keep the base policy's value.</summary>
public sealed class PolicyOptions
{
    private readonly Option<BigInteger?> _minBond = new("--min-bond")
    {
        Description = "smallest bond a contribution must carry (OPEN, whole gwei)",
        CustomParser = r =>
        {
            var text = r.Tokens.Single().Value;
            if (Amounts.TryParse(text, out var wei) && (wei % Amounts.Gwei).IsZero) return wei;
            r.AddError($"--min-bond expects an OPEN amount in whole gwei but got '{text}'");
            return null;
        },
    };
    private readonly Option<uint?> _bondLock = Options.OptionalInteger("--bond-lock", "seconds after registration before a bond can be withdrawn", 0u, uint.MaxValue);
    private readonly Option<uint?> _disputeWindow = Options.OptionalInteger("--dispute-window", "seconds after a flag before the contribution can be slashed", 0u, uint.MaxValue);
    private readonly Option<ushort?> _ownerBps = Options.OptionalInteger("--owner-bps", "owner's share of each revenue deposit, basis points (0-10000)", (ushort)0, (ushort)10_000);
    private readonly Option<ushort?> _poolBps = Options.OptionalInteger("--pool-bps", "reward pool's share of each revenue deposit, basis points (0-10000)", (ushort)0, (ushort)10_000);
    private readonly Option<bool?> _commitReveal = new("--commit-reveal") { Description = "require registrations to commit then reveal (true/false)" };
    private readonly Option<ushort?> _minPrecision = new("--min-precision")
    {
        Description = "lowest precision (LDS, 0-1) an epoch's report may have; 0 = none. Stored as basis points: 0.8 is 8000",
        CustomParser = r =>
        {
            var text = r.Tokens.Single().Value;
            if (decimal.TryParse(text, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var lds)
                && lds >= 0 && lds <= 1 && lds * 10_000 == decimal.Truncate(lds * 10_000))
                return (ushort)(lds * 10_000);
            r.AddError($"--min-precision expects an LDS between 0 and 1 with at most 4 decimals, like 0.8, but got '{text}'");
            return null;
        },
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_minBond);
        command.Options.Add(_bondLock);
        command.Options.Add(_disputeWindow);
        command.Options.Add(_ownerBps);
        command.Options.Add(_poolBps);
        command.Options.Add(_commitReveal);
        command.Options.Add(_minPrecision);
        command.Validators.Add(r =>
        {
            // A malformed value has its own error already; the sum is only checked between well-formed ones.
            if (!Options.TryGetValue(r, _ownerBps, out var ownerBps) || !Options.TryGetValue(r, _poolBps, out var poolBps)) return;
            var owner = ownerBps ?? 0;
            var pool = poolBps ?? 0;
            if (owner + pool > 10_000) r.AddError($"--owner-bps + --pool-bps must be at most 10000 but is {owner + pool}");
        });
    }

    public bool AnyGiven(ParseResult p) =>
        new Option[] { _minBond, _bondLock, _disputeWindow, _ownerBps, _poolBps, _commitReveal, _minPrecision }.Any(o => p.GetResult(o) is not null);

    public Policy Apply(ParseResult p, Policy basis) => new(
        p.GetValue(_minBond) ?? basis.MinBond,
        p.GetValue(_bondLock) ?? basis.BondLock,
        p.GetValue(_disputeWindow) ?? basis.DisputeWindow,
        p.GetValue(_ownerBps) ?? basis.OwnerBps,
        p.GetValue(_poolBps) ?? basis.PoolBps,
        p.GetValue(_commitReveal) ?? basis.CommitReveal,
        p.GetValue(_minPrecision) ?? basis.MinPrecisionBps);

    public static IEnumerable<(string, object?)> Describe(Policy policy) =>
    [
        ("minBond", Amounts.Format(policy.MinBond)), ("bondLock", policy.BondLock), ("disputeWindow", policy.DisputeWindow),
        ("ownerBps", policy.OwnerBps), ("poolBps", policy.PoolBps), ("commitReveal", policy.CommitReveal),
        ("minPrecision", policy.MinPrecisionBps == 0 ? "none" : $"LDS {Attribution.Precision.PrecisionPolicy.Format(policy.MinPrecisionBps)}"),
    ];
}
