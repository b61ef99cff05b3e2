using ApprovalHub.Bench;

// dotnet run -c Release --project bench/ApprovalHub.Bench -- engine --process FILE --instances N --store memory|sqlite|postgres [--pg CONN]
// dotnet run -c Release --project bench/ApprovalHub.Bench -- audit --store sqlite|postgres [--pg CONN] [--appends N] [--writers C]
// dotnet run -c Release --project bench/ApprovalHub.Bench -- timers --pending N --pg CONN [--nodes 2] [--due-rate R] [--window S]
// dotnet run -c Release --project bench/ApprovalHub.Bench -- registry --pg CONN [--devices 1750000] [--lookups 20000] [--rollups 2000]
// dotnet run -c Release --project bench/ApprovalHub.Bench -- queue --pg CONN [--tasks 100000] [--closed 100000] [--repeat 100]
// dotnet run -c Release --project bench/ApprovalHub.Bench -- cockpit --pg CONN [--devices 1750000] [--loads 100] [--changes 100]
// dotnet run -c Release --project bench/ApprovalHub.Bench -- mqtt --pg CONN [--devices 10000] [--rate 5000] [--fault-rate 0.001] [--duration 60] [--broker 127.0.0.1:PORT]
// (timer-node is the node process the timers command starts; it is not run by hand.)
return args.FirstOrDefault() switch
{
    "audit" => await AuditBench.RunAsync(args, Console.Out, Console.Error),
    "timers" => await TimerBench.RunAsync(args, Console.Out, Console.Error),
    "timer-node" => await TimerNode.RunAsync(args, Console.Out, Console.Error),
    "registry" => await RegistryBench.RunAsync(args[1..], Console.Out, Console.Error),
    "queue" => await QueueBench.RunAsync(args[1..], Console.Out, Console.Error),
    "cockpit" => await CockpitBench.RunAsync(args[1..], Console.Out, Console.Error),
    "mqtt" => await MqttBench.RunAsync(args[1..], Console.Out, Console.Error),
    _ => await BenchCommand.RunAsync(args, Console.Out, Console.Error),
};
