using OpenLedger.Cli;

return await CliApp.RunAsync(args, CliConsole.System());
