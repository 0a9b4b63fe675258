using System.Globalization;
using System.Numerics;

namespace OpenLedger.Explorer.Tests;

/// <summary>Figures as the page should show them, written independently of the page's own formatting module.</summary>
public static class Shown
{
    /// <summary>An amount in wei as OPEN: thousands separated, at least four decimals, trailing zeros beyond them dropped.</summary>
    public static string Open(BigInteger wei)
    {
        var whole = BigInteger.Divide(wei, ExplorerChain.Ether);
        var fraction = BigInteger.Remainder(wei, ExplorerChain.Ether).ToString(CultureInfo.InvariantCulture).PadLeft(18, '0').TrimEnd('0');
        return $"{whole.ToString("N0", CultureInfo.InvariantCulture)}.{fraction.PadRight(4, '0')} OPEN";
    }

    public static string Open(string wei) => Open(BigInteger.Parse(wei, CultureInfo.InvariantCulture));
}
