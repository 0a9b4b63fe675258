namespace OpenLedger.Demo;

/// <summary>The readable account of the scenario: numbered chapters, what is said, the commands typed and what they answered.</summary>
public sealed class Narrator(TextWriter output)
{
    private int _chapter;

    public TextWriter Output { get; } = output;

    public void Chapter(string title)
    {
        Output.WriteLine();
        Output.WriteLine($"== {++_chapter}. {title}");
    }

    public void Say(string line) => Output.WriteLine($"   {line}");

    public void Command(string commandLine) => Output.WriteLine($"$ {commandLine}");

    /// <summary>A command's answer, indented under it so the account stays readable.</summary>
    public void Answer(string text)
    {
        foreach (var line in text.TrimEnd().Split('\n'))
            if (line.Trim().Length > 0) Output.WriteLine($"    {line.TrimEnd('\r')}");
    }
}
