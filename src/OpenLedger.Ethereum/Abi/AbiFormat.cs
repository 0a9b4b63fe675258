using System.Text;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Abi;

/// <summary>Formats decoded values for messages: hex for bytes, quoted strings, brackets for arrays and tuples.</summary>
internal static class AbiFormat
{
    public static string Value(object? value)
    {
        var builder = new StringBuilder();
        Append(builder, value);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null: builder.Append("null"); break;
            case byte[] bytes: builder.Append(Hex.Encode(bytes)); break;
            case string text: builder.Append('"').Append(text).Append('"'); break;
            case bool b: builder.Append(b ? "true" : "false"); break;
            case object?[] items:
                builder.Append('[');
                for (var i = 0; i < items.Length; i++)
                {
                    if (i > 0) builder.Append(", ");
                    Append(builder, items[i]);
                }
                builder.Append(']');
                break;
            default: builder.Append(value); break;
        }
    }
}
