using BenchmarkDotNet.Running;

namespace OpenLedger.Benchmarks;

// Not top-level statements: the node assembly already has a global Program (for its test host factory).
public static class EntryPoint
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(EntryPoint).Assembly).Run(args);
}
