using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace ApprovalHub.Bench;

/// <summary>
/// A <see cref="TimerNode"/> running as a child process: this same benchmark binary started again
/// with <c>timer-node</c>. Its stderr is passed through with the node's name; its stdout carries
/// <c>ready</c> and, at the end, the node's JSON summary.
/// </summary>
internal sealed class TimerNodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _name;
    private readonly string _samples;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];

    private TimerNodeProcess(Process process, string name, string samples, TextWriter stderr)
    {
        _process = process;
        _name = name;
        _samples = samples;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data == "ready")
            {
                _ready.TrySetResult();
            }
            else if (e.Data is not null)
            {
                lock (_output)
                {
                    _output.Add(e.Data);
                }
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                stderr.WriteLine($"[node {name}] {e.Data}");
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static TimerNodeProcess Start(string name, string connectionString, TimerNodeSettings settings, string directory, TextWriter stderr)
    {
        var samples = Path.Combine(directory, $"node-{name}.txt");

        // Run as "dotnet ApprovalHub.Bench.dll …" or as the apphost, whichever this process is.
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark cannot find its own executable.");
        var info = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, $"{typeof(TimerNode).Assembly.GetName().Name}.dll"));
        }

        foreach (var argument in new[] { "timer-node", "--pg", connectionString, "--node", name, "--out", samples }.Concat(settings.ToArguments()))
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Node {name} did not start.");
        return new TimerNodeProcess(process, name, samples, stderr);
    }

    public async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var exited = _process.WaitForExitAsync(cancellationToken);
        var first = await Task.WhenAny(_ready.Task, exited, Task.Delay(timeout, cancellationToken));
        if (first != _ready.Task)
        {
            throw new InvalidOperationException($"Node {_name} did not get ready ({(first == exited ? $"exit code {_process.ExitCode}" : "timeout")}).");
        }
    }

    public async Task GoAsync(string line, CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteLineAsync(line.AsMemory(), cancellationToken);
        await _process.StandardInput.FlushAsync(cancellationToken);
    }

    /// <summary>Waits for the node to finish; returns its JSON summary.</summary>
    public async Task<JsonObject> WaitExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Node {_name} did not finish within {timeout}.");
        }

        string? last;
        lock (_output)
        {
            last = _output.LastOrDefault(l => l.StartsWith('{'));
        }

        return _process.ExitCode == 0 && last is not null && JsonNode.Parse(last) is JsonObject summary
            ? summary
            : throw new InvalidOperationException($"Node {_name} exited with code {_process.ExitCode} and no summary.");
    }

    /// <summary>Each fired job's lateness (ms) and the instant it committed (Unix ms).</summary>
    public IEnumerable<(double LatenessMs, long FiredAtUnixMs)> ReadSamples()
    {
        foreach (var line in File.ReadLines(_samples))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            yield return (double.Parse(line.AsSpan(0, space), CultureInfo.InvariantCulture), long.Parse(line.AsSpan(space + 1), CultureInfo.InvariantCulture));
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }
}
