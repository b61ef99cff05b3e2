using System.Globalization;

namespace ApprovalHub.Bench;

/// <summary>
/// CPU time from Linux's /proc, to split a run's CPU between the node processes, PostgreSQL and
/// everything else on a shared machine. Null where /proc is not there or the process is gone.
/// </summary>
internal static class ProcessCpu
{
    // USER_HZ: the unit of /proc times; 100 on every mainstream Linux build.
    private const double TicksPerSecond = 100.0;

    /// <summary>The parent process id of <paramref name="pid"/>.</summary>
    public static int? ParentOf(int pid) => Stat(pid) is { } fields ? int.Parse(fields[1], CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// CPU seconds PostgreSQL has used so far: the postmaster's own, its exited children's (added to
    /// it when they are reaped), and its live children's (backends, WAL writer, checkpointer…). The
    /// difference of two readings is what the server used between them.
    /// </summary>
    public static double? PostgresSeconds(int? postmaster)
    {
        if (postmaster is not { } pid || Stat(pid) is not { } own)
        {
            return null;
        }

        // utime, stime, cutime, cstime are fields 14–17 of /proc/PID/stat; here they are 11–14.
        var ticks = Ticks(own, 11) + Ticks(own, 12) + Ticks(own, 13) + Ticks(own, 14);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var child) &&
                child != pid && Stat(child) is { } stat && int.Parse(stat[1], CultureInfo.InvariantCulture) == pid)
            {
                ticks += Ticks(stat, 11) + Ticks(stat, 12);
            }
        }

        return ticks / TicksPerSecond;
    }

    /// <summary>CPU seconds the whole machine has been busy (all cores, every process), from /proc/stat.</summary>
    public static double? MachineBusySeconds()
    {
        try
        {
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var values = cpu.Skip(1).Take(8).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();

            // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
            return (values.Sum() - values[3] - values[4]) / TicksPerSecond;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The fields of /proc/PID/stat after the command name: [0] state, [1] ppid, …</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Ticks(string[] fields, int index) => long.Parse(fields[index], CultureInfo.InvariantCulture);
}
