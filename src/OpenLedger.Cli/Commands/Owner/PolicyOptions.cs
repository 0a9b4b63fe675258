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
    private readonly Option<uint?> _bondLock = new("--bond-lock") { Description = "seconds after registration before a bond can be withdrawn" };
    private readonly Option<uint?> _disputeWindow = new("--dispute-window") { Description = "seconds after a flag before the contribution can be slashed" };
    private readonly Option<ushort?> _ownerBps = new("--owner-bps") { Description = "owner's share of each revenue deposit, basis points" };
    private readonly Option<ushort?> _poolBps = new("--pool-bps") { Description = "reward pool's share of each revenue deposit, basis points" };
    private readonly Option<bool?> _commitReveal = new("--commit-reveal") { Description = "require registrations to commit then reveal (true/false)" };

    public void AddTo(Command command)
    {
        command.Options.Add(_minBond);
        command.Options.Add(_bondLock);
        command.Options.Add(_disputeWindow);
        command.Options.Add(_ownerBps);
        command.Options.Add(_poolBps);
        command.Options.Add(_commitReveal);
        command.Validators.Add(r =>
        {
            var owner = r.GetValue(_ownerBps) ?? 0;
            var pool = r.GetValue(_poolBps) ?? 0;
            if (owner + pool > 10_000) r.AddError($"--owner-bps + --pool-bps must be at most 10000 but is {owner + pool}");
        });
    }

    public bool AnyGiven(ParseResult p) =>
        new Option[] { _minBond, _bondLock, _disputeWindow, _ownerBps, _poolBps, _commitReveal }.Any(o => p.GetResult(o) is not null);

    public Policy Apply(ParseResult p, Policy basis) => new(
        p.GetValue(_minBond) ?? basis.MinBond,
        p.GetValue(_bondLock) ?? basis.BondLock,
        p.GetValue(_disputeWindow) ?? basis.DisputeWindow,
        p.GetValue(_ownerBps) ?? basis.OwnerBps,
        p.GetValue(_poolBps) ?? basis.PoolBps,
        p.GetValue(_commitReveal) ?? basis.CommitReveal);

    public static IEnumerable<(string, object?)> Describe(Policy policy) =>
    [
        ("minBond", Amounts.Format(policy.MinBond)), ("bondLock", policy.BondLock), ("disputeWindow", policy.DisputeWindow),
        ("ownerBps", policy.OwnerBps), ("poolBps", policy.PoolBps), ("commitReveal", policy.CommitReveal),
    ];
}
