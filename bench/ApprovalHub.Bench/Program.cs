using ApprovalHub.Bench;

// dotnet run -c Release --project bench/ApprovalHub.Bench -- engine --process FILE --instances N --store memory|sqlite|postgres [--pg CONN]
// dotnet run -c Release --project bench/ApprovalHub.Bench -- registry --pg CONN [--devices 1750000] [--lookups 20000] [--rollups 2000]
return args is ["registry", ..]
    ? await RegistryBench.RunAsync(args[1..], Console.Out, Console.Error)
    : await BenchCommand.RunAsync(args, Console.Out, Console.Error);
