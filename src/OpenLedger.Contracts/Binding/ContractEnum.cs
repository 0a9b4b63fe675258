using System.Numerics;
using OpenLedger.Ethereum;

namespace OpenLedger.Contracts.Binding;

/// <summary>
/// Solidity enums travel as uint8. Solidity rejects a value past the last member, so the bindings do too, in both
/// directions: an undefined member would otherwise be sent only to revert, or decoded into a meaningless value.
/// </summary>
public static class ContractEnum
{
    public static byte ToAbi<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
            throw new EthereumException($"{typeof(TEnum).Name} value {Convert.ToByte(value)} is not a member: expected one of {Members<TEnum>()}");
        return Convert.ToByte(value);
    }

    public static TEnum FromAbi<TEnum>(object? value) where TEnum : struct, Enum
    {
        var number = value is BigInteger n ? n : throw new EthereumException($"{typeof(TEnum).Name} value must be a uint8 but is {value?.GetType().Name ?? "null"}");
        var result = number >= 0 && number <= byte.MaxValue ? (TEnum)Enum.ToObject(typeof(TEnum), (byte)number) : default;
        if (number < 0 || number > byte.MaxValue || !Enum.IsDefined(result))
            throw new EthereumException($"{typeof(TEnum).Name} value {number} is not a member: expected one of {Members<TEnum>()}");
        return result;
    }

    private static string Members<TEnum>() where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetValues<TEnum>().Select(v => $"{Convert.ToByte(v)} ({v})"));
}
