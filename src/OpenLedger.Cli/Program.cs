using System.CommandLine;

var root = new RootCommand("openledger: contributions, rewards and model shares on OpenLedger");
return await root.Parse(args).InvokeAsync();
