using System.Text.Json;
using System.Text.Json.Serialization;
using ApprovalHub.Workflows.Parsing;

namespace ApprovalHub.Host.Cli;

/// <summary>
/// The <c>bpmn</c> verb of the host executable, for analysts, CI checks and outside tools:
/// <c>bpmn validate FILE... [--json]</c>. Exit codes: 0 no file has errors, 1 some file has errors
/// (an unreadable, hostile or half-written file included), 2 the command line itself is wrong.
/// Anything else is a crash and a bug.
/// </summary>
public static class BpmnCommand
{
    /// <summary>Exit code when every file is free of errors.</summary>
    public const int Valid = 0;

    /// <summary>Exit code when at least one file has an error.</summary>
    public const int Invalid = 1;

    /// <summary>Exit code for a malformed command line.</summary>
    public const int Usage = 2;

    private const string UsageText = """
        usage: bpmn validate FILE... [--json]
               bpmn run FILE [--process ID] [--vars JSON] [--script SCRIPT.json]
          validate   check BPMN 2.0 files and print their diagnostics
                     --json  print one JSON document instead of text
          run        run a process on an in-memory store; one JSON line per step
                     script steps: {"complete":"taskId","vars":{}} {"message":"name","key":"k","vars":{}}
                                   {"cancel":true} {"advance":"PT2H"}
        exit codes: 0 no errors (run: script ran), 1 errors found (run: a step failed), 2 usage
        """;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Runs the verb with the arguments that follow <c>bpmn</c>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await stderr.WriteLineAsync(UsageText.AsMemory(), cancellationToken);
            return args.Length == 0 ? Usage : Valid;
        }

        return args[0] switch
        {
            "validate" => await ValidateAsync(args[1..], stdout, stderr, cancellationToken),
            "run" => await BpmnRunCommand.RunAsync(args[1..], stdout, stderr, message => UsageErrorAsync(stderr, message, cancellationToken), cancellationToken),
            _ => await UsageErrorAsync(stderr, $"unknown bpmn command '{args[0]}'", cancellationToken),
        };
    }

    private static async Task<int> ValidateAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var json = false;
        var files = new List<string>();
        foreach (var arg in args)
        {
            if (arg == "--json")
            {
                json = true;
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                return await UsageErrorAsync(stderr, $"unknown option '{arg}'", cancellationToken);
            }
            else
            {
                files.Add(arg);
            }
        }

        if (files.Count == 0)
        {
            return await UsageErrorAsync(stderr, "name at least one BPMN file", cancellationToken);
        }

        var reports = new List<FileReport>(files.Count);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = BpmnParser.ParseFile(file);
            reports.Add(new FileReport(
                file,
                !result.HasErrors,
                result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error),
                result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning),
                result.Document?.Processes.Select(p => p.Id).ToArray() ?? [],
                result.Diagnostics));
        }

        if (json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(reports, JsonOptions).AsMemory(), cancellationToken);
        }
        else
        {
            foreach (var report in reports)
            {
                foreach (var diagnostic in report.Diagnostics)
                {
                    await stdout.WriteLineAsync(diagnostic.Format(report.File).AsMemory(), cancellationToken);
                }

                var verdict = report.Valid ? "ok" : "FAILED";
                await stdout.WriteLineAsync(
                    $"{report.File}: {verdict}, {report.Errors} error(s), {report.Warnings} warning(s)".AsMemory(), cancellationToken);
            }
        }

        return reports.All(r => r.Valid) ? Valid : Invalid;
    }

    private static async Task<int> UsageErrorAsync(TextWriter stderr, string message, CancellationToken cancellationToken)
    {
        await stderr.WriteLineAsync($"bpmn: {message}".AsMemory(), cancellationToken);
        await stderr.WriteLineAsync(UsageText.AsMemory(), cancellationToken);
        return Usage;
    }

    private sealed record FileReport(
        string File,
        bool Valid,
        int Errors,
        int Warnings,
        string[] Processes,
        IReadOnlyList<BpmnDiagnostic> Diagnostics);
}
