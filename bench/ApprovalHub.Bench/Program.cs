using ApprovalHub.Bench;

// dotnet run -c Release --project bench/ApprovalHub.Bench -- engine --process FILE --instances N --store memory|sqlite|postgres [--pg CONN]
return await BenchCommand.RunAsync(args, Console.Out, Console.Error);
