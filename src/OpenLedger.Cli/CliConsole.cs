using Spectre.Console;

namespace OpenLedger.Cli;

/// <summary>
/// Where a run reads and writes: the process's console, or captured writers and a fake environment in tests
/// (so a test never has to set process-wide environment variables).
/// </summary>
public sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, TextReader input, Func<string, string?> environment, bool interactive = false)
    {
        Out = output;
        Error = error;
        In = input;
        Environment = environment;
        Interactive = interactive;
        Ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!interactive) Ansi.Profile.Width = 200; // captured output: no wrapping of hashes and addresses
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public TextReader In { get; }

    public Func<string, string?> Environment { get; }

    /// <summary>A terminal is attached: prompts hide input, progress bars animate.</summary>
    public bool Interactive { get; }

    /// <summary>Spectre's console over <see cref="Out"/>, for tables, prompts and progress.</summary>
    public IAnsiConsole Ansi { get; }

    public static CliConsole System() => new(Console.Out, Console.Error, Console.In, global::System.Environment.GetEnvironmentVariable,
        !Console.IsInputRedirected && !Console.IsOutputRedirected);
}
