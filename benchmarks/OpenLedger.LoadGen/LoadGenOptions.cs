using System.Globalization;

namespace OpenLedger.LoadGen;

/// <summary>Command-line settings; every bad value is refused with what was expected and what was given.</summary>
public sealed record LoadGenOptions(
    Uri BaseUrl, long ModelId, int Requests, int Warmup, int Concurrency, int PageLimit, int MinContributions, int Seed)
{
    public static LoadGenOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
                throw new ArgumentException($"expected '--name value' pairs but found '{args[i]}' at position {i}");
            values[args[i][2..]] = args[i + 1];
        }
        var known = new[] { "base-url", "model", "requests", "warmup", "concurrency", "limit", "min-contributions", "seed" };
        var unknown = values.Keys.Except(known).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"unknown option --{unknown[0]}; expected one of --{string.Join(", --", known)}");
        if (!values.TryGetValue("base-url", out var url) || !Uri.TryCreate(url, UriKind.Absolute, out var baseUrl))
            throw new ArgumentException($"--base-url must be an absolute URL such as http://127.0.0.1:5080 but is '{url}'");

        int Int(string name, int fallback, int min)
        {
            if (!values.TryGetValue(name, out var text)) return fallback;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min) return value;
            throw new ArgumentException($"--{name} must be an integer of at least {min} but is '{text}'");
        }

        return new LoadGenOptions(baseUrl, Int("model", 1, 1), Int("requests", 20_000, 1), Int("warmup", 2_000, 0),
            Int("concurrency", 16, 1), Int("limit", 50, 1), Int("min-contributions", 0, 0), Int("seed", 1, 0));
    }
}
