namespace OpenLedger.Ethereum.Abi;

/// <summary>
/// Parses human-readable signatures such as <c>event Transfer(address indexed from, address indexed to, uint256 value)</c>
/// or <c>function balanceOf(address owner) returns (uint256)</c> into a name and parameter lists.
/// </summary>
internal static class AbiSignatureParser
{
    public readonly record struct Parsed(string Name, AbiParameter[] Inputs, AbiParameter[] Outputs, bool Anonymous);

    public static Parsed Parse(string text, string keyword)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        if (s.StartsWith(keyword + " ", StringComparison.Ordinal)) s = s[(keyword.Length + 1)..].TrimStart();
        var open = s.IndexOf('(');
        if (open <= 0) throw Error(text, "expected a name followed by '('");
        var name = s[..open].Trim();
        if (!IsIdentifier(name)) throw Error(text, $"'{name}' is not a valid name");
        var close = MatchingParen(s, open, text);
        var inputs = ParseList(s[(open + 1)..close], text);
        var rest = s[(close + 1)..].Trim();
        AbiParameter[] outputs = [];
        var anonymous = false;
        foreach (var modifier in new[] { "external", "public", "view", "pure", "payable", "nonpayable" })
            rest = rest.Replace(modifier + " ", "").Replace(modifier + "(", "(").Trim();
        if (rest.StartsWith("returns", StringComparison.Ordinal))
        {
            var r = rest[7..].Trim();
            if (r.Length == 0 || r[0] != '(') throw Error(text, "expected '(' after returns");
            var rclose = MatchingParen(r, 0, text);
            outputs = ParseList(r[1..rclose], text);
            rest = r[(rclose + 1)..].Trim();
        }
        if (rest == "anonymous") { anonymous = true; rest = ""; }
        if (rest.Length > 0 && !IsModifier(rest)) throw Error(text, $"unexpected '{rest}' after the parameters");
        return new Parsed(name, inputs, outputs, anonymous);
    }

    private static bool IsModifier(string rest) =>
        rest is "external" or "public" or "view" or "pure" or "payable" or "nonpayable";

    private static AbiParameter[] ParseList(string list, string text)
    {
        var parameters = new List<AbiParameter>();
        if (list.Trim().Length == 0) return [];
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= list.Length; i++)
        {
            if (i < list.Length && list[i] == '(') depth++;
            else if (i < list.Length && list[i] == ')') depth--;
            else if (i == list.Length || (list[i] == ',' && depth == 0))
            {
                parameters.Add(ParseParameter(list[start..i].Trim(), text));
                start = i + 1;
            }
        }
        return [.. parameters];
    }

    private static AbiParameter ParseParameter(string parameter, string text)
    {
        if (parameter.Length == 0) throw Error(text, "empty parameter");
        // The type ends at the first space outside parentheses; 'tuple(' is accepted as a spelled-out tuple.
        if (parameter.StartsWith("tuple(", StringComparison.Ordinal)) parameter = parameter[5..];
        var depth = 0;
        var end = parameter.Length;
        for (var i = 0; i < parameter.Length; i++)
        {
            if (parameter[i] == '(') depth++;
            else if (parameter[i] == ')') depth--;
            else if (parameter[i] == ' ' && depth == 0) { end = i; break; }
        }
        var type = ParseType(parameter[..end], text);
        var words = parameter[end..].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var indexed = words.Remove("indexed");
        words.Remove("memory");
        words.Remove("calldata");
        if (words.Count > 1 || (words.Count == 1 && !IsIdentifier(words[0])))
            throw Error(text, $"cannot read parameter '{parameter}'");
        return new AbiParameter(words.Count == 1 ? words[0] : "", type, indexed);
    }

    // Tuple components may carry names in a signature ("(uint256 id, string uri)[]"); the canonical type drops them.
    private static AbiType ParseType(string type, string text)
    {
        if (!type.StartsWith('(')) return AbiType.Parse(type);
        var close = MatchingParen(type, 0, text);
        var tuple = AbiType.Tuple([.. ParseList(type[1..close], text).Select(p => p.Type)]);
        return AbiType.Parse(tuple.CanonicalName + type[(close + 1)..]);
    }

    private static int MatchingParen(string s, int open, string text)
    {
        var depth = 0;
        for (var i = open; i < s.Length; i++)
        {
            if (s[i] == '(') depth++;
            else if (s[i] == ')' && --depth == 0) return i;
        }
        throw Error(text, "a '(' is never closed");
    }

    private static bool IsIdentifier(string s) =>
        s.Length > 0 && (char.IsAsciiLetter(s[0]) || s[0] is '_' or '$') && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');

    private static EthereumException Error(string text, string what) => new($"'{text}' is not a valid signature: {what}");
}
