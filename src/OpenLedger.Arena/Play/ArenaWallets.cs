using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Arena.Play;

/// <summary>
/// The arena's wallets by number: honest contributor i (0-based) is wallet i + 1, the attacker 100 and its further
/// wallets 101, 102, …; each number maps to a fixed address.
/// </summary>
public static class ArenaWallets
{
    public const int Attacker = 100;

    public static int Honest(int index) => index + 1;

    public static Address Address(int wallet)
    {
        var bytes = new byte[20];
        bytes[0] = 0xA7;
        bytes[18] = (byte)(wallet >> 8);
        bytes[19] = (byte)wallet;
        return new Address(bytes);
    }
}
