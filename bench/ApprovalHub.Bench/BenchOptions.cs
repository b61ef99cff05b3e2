using System.Globalization;

namespace ApprovalHub.Bench;

/// <summary>The command line of the engine benchmark.</summary>
internal sealed record BenchOptions(string Process, int Instances, string Store, string? PostgresConnection, int Concurrency, bool History)
{
    public const string Usage =
        "usage: engine --process FILE --instances N --store memory|sqlite|postgres [--pg CONN] [--concurrency C] [--no-history]";

    public static BenchOptions? Parse(string[] args, out string? error)
    {
        error = null;
        if (args.Length == 0 || args[0] != "engine")
        {
            error = "the first argument must be 'engine'";
            return null;
        }

        string? process = null, store = "memory", pg = Environment.GetEnvironmentVariable("APPROVALHUB_BENCH_POSTGRES");
        var instances = 10_000;
        var concurrency = Environment.ProcessorCount * 2;
        var history = true;
        for (var i = 1; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--process": process = Next(); break;
                case "--instances": instances = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--store": store = Next(); break;
                case "--pg": pg = Next(); break;
                case "--concurrency": concurrency = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--no-history": history = false; break;
                default:
                    error = $"unknown argument {args[i]}";
                    return null;
            }
        }

        if (process is null || !File.Exists(process))
        {
            error = $"--process must name an existing BPMN file (got '{process}')";
            return null;
        }

        if (store is not ("memory" or "sqlite" or "postgres"))
        {
            error = $"--store must be memory, sqlite or postgres (got '{store}')";
            return null;
        }

        if (store == "postgres" && string.IsNullOrEmpty(pg))
        {
            error = "--store postgres needs --pg CONN (or APPROVALHUB_BENCH_POSTGRES)";
            return null;
        }

        return new BenchOptions(process, instances, store, pg, Math.Max(1, concurrency), history);
    }
}
