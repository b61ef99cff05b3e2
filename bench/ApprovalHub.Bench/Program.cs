using ApprovalHub.Bench;

// dotnet run -c Release --project bench/ApprovalHub.Bench -- engine --process FILE --instances N --store memory|sqlite|postgres [--pg CONN]
// dotnet run -c Release --project bench/ApprovalHub.Bench -- audit --store sqlite|postgres [--pg CONN] [--appends N] [--writers C]
return args is ["audit", ..]
    ? await AuditBench.RunAsync(args, Console.Out, Console.Error)
    : await BenchCommand.RunAsync(args, Console.Out, Console.Error);
