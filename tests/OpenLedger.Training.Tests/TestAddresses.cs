using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Training.Tests;

/// <summary>Distinct, readable contributor addresses for the reports these tests build.</summary>
internal static class TestAddresses
{
    public static Address Of(int n)
    {
        var bytes = new byte[20];
        bytes[19] = (byte)n;
        bytes[18] = (byte)(n >> 8);
        bytes[0] = 0xA0;
        return new Address(bytes);
    }
}
