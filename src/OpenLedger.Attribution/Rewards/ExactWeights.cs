using System.Numerics;

namespace OpenLedger.Attribution.Rewards;

/// <summary>
/// Turns non-negative doubles into integers with exactly the same ratios. A double is m·2^e with integer m, so
/// scaling every value by 2^(−min e) is lossless: the split that follows is exact and does not depend on any
/// floating-point rounding of a division.
/// </summary>
public static class ExactWeights
{
    public static BigInteger[] FromDoubles(IReadOnlyList<double> values)
    {
        var mantissas = new BigInteger[values.Count];
        var exponents = new int[values.Count];
        var minExponent = int.MaxValue;
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            if (!double.IsFinite(v) || v < 0) throw new AttributionException($"A weight must be a finite number ≥ 0 but weight {i} is {v}");
            if (v == 0) continue;
            var bits = BitConverter.DoubleToInt64Bits(v);
            var exponent = (int)(bits >> 52 & 0x7FF);
            var mantissa = bits & 0xFFFFFFFFFFFFFL;
            if (exponent == 0) exponent = 1; // subnormal: no implicit leading 1
            else mantissa |= 1L << 52;
            mantissas[i] = mantissa;
            exponents[i] = exponent - 1075;
            minExponent = Math.Min(minExponent, exponents[i]);
        }
        var result = new BigInteger[values.Count];
        for (var i = 0; i < values.Count; i++)
            if (!mantissas[i].IsZero) result[i] = mantissas[i] << (exponents[i] - minExponent);
        return result;
    }
}
