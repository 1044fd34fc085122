// Benchmarks: `dotnet run -c Release --project bench/TeamsPlans.Benchmarks -- NAME [options]`.
// Each prints its figures; none is a test.
var benches = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["parse"] = ParseBench.RunAsync,
    ["graph"] = GraphBench.RunAsync,
    ["delivery"] = DeliveryBench.RunAsync,
    ["import"] = ImportBench.RunAsync,
    ["status"] = StatusBench.RunAsync,
    ["tab"] = TabBench.RunAsync,
    ["rollup"] = RollupBench.RunAsync,
};

if (args.Length == 0 || !benches.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: bench <{string.Join('|', benches.Keys)}> [options]");
    return 2;
}
return await run(args[1..]);
