using System.Numerics;

namespace OpenLedger.Ethereum.Abi;

/// <summary>The meaning of the codes Solidity passes to <c>Panic(uint256)</c>.</summary>
public static class PanicCode
{
    public const int ArithmeticOverflow = 0x11;
    public const int DivisionByZero = 0x12;

    public static string Describe(BigInteger code) => (int)BigInteger.Min(code, 0x100) switch
    {
        0x00 => "generic compiler panic",
        0x01 => "assertion failed",
        ArithmeticOverflow => "arithmetic overflow or underflow",
        DivisionByZero => "division or modulo by zero",
        0x21 => "conversion to an enum out of range",
        0x22 => "incorrectly encoded storage byte array",
        0x31 => "pop() on an empty array",
        0x32 => "array index out of bounds",
        0x41 => "too much memory allocated",
        0x51 => "call to a zero-initialized function",
        _ => "unknown panic code",
    };
}
