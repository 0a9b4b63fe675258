using OpenLedger.Cli.Tests.Support;

namespace OpenLedger.Cli.Tests;

/// <summary>Bad command lines of node run's Epochs options and of report knn: exit 2, one error, nothing done (no chain here).</summary>
public sealed class EpochOptionsUsageTests
{
    [Theory]
    [InlineData("node run --reporter-keystore k")]                                 // half a pair
    [InlineData("node run --reporter-password-env V")]
    [InlineData("node run --api-token-env")]                                       // no variable name
    [InlineData("node run --api-token-env not-a-variable!")]
    [InlineData("node run --reporter-keystore k --reporter-password-env 9V")]
    [InlineData("node run --public-url ftp://x")]
    [InlineData("report knn --model 1 --epoch 1 --test t.csv --data d --shares 10")] // --out missing
    [InlineData("report knn --model 1 --test t.csv --data d --shares 10 --out o")]    // --epoch missing
    [InlineData("report knn --model 1 --epoch 1 --test t.csv --data d --out o")]      // --shares missing
    [InlineData("report knn --model 0 --epoch 1 --test t.csv --data d --shares 10 --out o")]
    [InlineData("report knn --model 1 --epoch 0 --test t.csv --data d --shares 10 --out o")]
    [InlineData("report knn --model 1 --epoch 1 --test t.csv --data d --shares 1.5 --out o")]
    [InlineData("report knn --model 1 --epoch 1 --test t.csv --data d --shares 10 --k 0 --out o")]
    [InlineData("report knn --model 1 --epoch 1 --test t.csv --data d --shares 10 --open ten --out o")]
    [InlineData("report knn --model 1 --epoch 1 --test t.csv --data d --shares 10 --per-contributor-cap 1.5 --out o")]
    [InlineData("report knn --model 1 --epoch 1 --test t.csv --data d --shares 10 --per-contributor-cap 0 --out o")]
    [InlineData("report knn --model 1 --epoch 1 --test t.csv --data d --shares 10 --flag-threshold NaN --out o")]
    [InlineData("report knn --model 1 --epoch 1 --test t.csv --data d --shares 10 --out o --bogus")]
    [InlineData("report knn --model 1 --epoch 1 --test t.csv --data d --shares 10 --precision-subsets 99 --out o")]
    [InlineData("report logreg --model 1 --epoch 1 --test t.csv --data d --shares 10 --precision-subsets 99 --out o")]
    [InlineData("epoch verify --model 1 --epoch 1 --recompute")]                   // no files to retrain on
    [InlineData("epoch verify --model 1 --epoch 1 --recompute --test t.csv")]
    [InlineData("epoch verify --model 1 --epoch 1 --recompute --test t.csv --data d --sample 0")]
    [InlineData("model create --metadata-uri u --min-precision 1.5")]
    [InlineData("model create --metadata-uri u --min-precision 0.12345")]
    [InlineData("model policy --model 1 --min-precision -0.1")]
    [InlineData("report frobnicate")]
    public async Task Bad_usage_exits_2_with_an_error_line(string commandLine)
    {
        var run = await CliRunner.RunAsync(commandLine.Split(' '));
        Assert.True(run.ExitCode == ExitCodes.Usage, run.ToString());
        Assert.StartsWith("error: ", run.Err);
        Assert.Equal("", run.Out);
    }

    [Theory]
    [InlineData("report knn", "--per-contributor-cap")]
    [InlineData("node run", "--reporter-password-env")]
    [InlineData("contribute", "--kind")]
    public async Task Help_of_a_verb_exits_0_and_lists_its_options_without_running_it(string verb, string option)
    {
        var run = await CliRunner.RunAsync([.. verb.Split(' '), "--help"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($" {verb} [options]", run.Out);
        Assert.Contains(option, run.Out);
        Assert.Equal("", run.Err);
    }

    [Theory]
    [InlineData("epoch verify --model 1 --epoch 1 --recompute")]
    [InlineData("epoch verify --model 1 --epoch 1 --recompute --data d")]
    public async Task Recompute_without_the_files_to_retrain_on_is_refused_saying_what_it_needs(string commandLine)
    {
        var run = await CliRunner.RunAsync(commandLine.Split(' '));
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--recompute needs --test (the evaluation split) and --data (the contributors' files)", run.Err);
    }

    [Fact]
    public async Task Token_given_in_place_of_the_variable_name_is_refused_and_never_printed()
    {
        const string token = "s3cr3t-report-token-with-dashes";
        var run = await CliRunner.RunAsync(["node", "run", "--api-token-env", token], extraSecrets: [token]);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("error: --api-token-env expects the name of an environment variable", run.Err);
    }
}
