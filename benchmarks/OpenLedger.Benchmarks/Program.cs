using BenchmarkDotNet.Running;

// Each benchmark class is one row group of an issue's figures; pick with --filter, e.g. --filter '*Keccak*'.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
