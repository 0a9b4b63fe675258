namespace OpenLedger.Ethereum.Abi;

/// <summary>Recursive-descent parser for canonical ABI type strings.</summary>
internal static class AbiTypeParser
{
    public static AbiType Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var position = 0;
        var type = ParseType(text, ref position);
        if (position != text.Length)
            throw Error(text, $"unexpected '{text[position]}' at position {position}");
        return type;
    }

    private static AbiType ParseType(string text, ref int position)
    {
        // "tuple(...)" is how JSON ABIs and ethers spell a tuple; the canonical form drops the word.
        if (text.AsSpan(position).StartsWith("tuple(")) position += 5;
        var type = text.Length > position && text[position] == '(' ? ParseTuple(text, ref position) : ParseElementary(text, ref position);
        while (position < text.Length && text[position] == '[')
        {
            var close = text.IndexOf(']', position);
            if (close < 0) throw Error(text, $"'[' at position {position} is never closed");
            var inside = text.AsSpan(position + 1, close - position - 1);
            if (inside.IsEmpty) type = AbiType.DynamicArray(type);
            else
            {
                if (!IsDigits(inside) || (inside[0] == '0' && inside.Length > 1) || !int.TryParse(inside, out var length) || length > 1_000_000)
                    throw Error(text, $"array length '{inside}' must be a positive decimal number without leading zeros");
                type = AbiType.FixedArray(type, length);
            }
            position = close + 1;
        }
        return type;
    }

    private static AbiType ParseTuple(string text, ref int position)
    {
        position++; // '('
        var components = new List<AbiType>();
        if (position < text.Length && text[position] == ')') { position++; return AbiType.Tuple(); }
        while (true)
        {
            components.Add(ParseType(text, ref position));
            if (position >= text.Length) throw Error(text, "a tuple is never closed with ')'");
            var c = text[position++];
            if (c == ')') return AbiType.Tuple([.. components]);
            if (c != ',') throw Error(text, $"expected ',' or ')' in a tuple at position {position - 1} but found '{c}'");
        }
    }

    private static AbiType ParseElementary(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && char.IsAsciiLetterOrDigit(text[position])) position++;
        var word = text.AsSpan(start, position - start);
        if (word.IsEmpty)
            throw Error(text, position < text.Length ? $"expected a type name at position {position} but found '{text[position]}'" : "expected a type name but the text ended");
        switch (word)
        {
            case "address": return AbiType.Address;
            case "bool": return AbiType.Bool;
            case "string": return AbiType.String;
            case "bytes": return AbiType.Bytes;
            case "uint": return AbiType.UInt256;
            case "int": return AbiType.Int(256);
        }
        if (word.StartsWith("uint")) return AbiType.UInt(Size(text, word, 4));
        if (word.StartsWith("int")) return AbiType.Int(Size(text, word, 3));
        if (word.StartsWith("bytes")) return AbiType.FixedBytes(Size(text, word, 5));
        throw Error(text, $"'{word}' is not an ABI type name");
    }

    private static int Size(string text, ReadOnlySpan<char> word, int prefix)
    {
        var digits = word[prefix..];
        if (!IsDigits(digits) || (digits[0] == '0' && digits.Length > 1) || digits.Length > 3)
            throw Error(text, $"'{word}' must end in a decimal size without leading zeros");
        return int.Parse(digits);
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return false;
        foreach (var c in s)
            if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    private static EthereumException Error(string text, string what) =>
        new($"'{text}' is not an ABI type: {what}");
}
