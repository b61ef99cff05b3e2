using System.Data.Common;
using System.Globalization;

namespace ApprovalHub.Supervision.Cockpit.Persistence;

/// <summary>
/// The few places where the cockpit's set-based SQL differs between PostgreSQL and SQLite: date
/// arithmetic, how instants are stored (timestamptz there, UTC ticks here), LEAST, casts, string
/// aggregation and null-safe comparison. Everything else is the same statement on both.
/// </summary>
internal sealed class SqlDialect
{
    private const long UnixEpochTicks = 621_355_968_000_000_000;

    private SqlDialect(bool postgres) => IsPostgres = postgres;

    public static SqlDialect Postgres { get; } = new(true);

    public static SqlDialect Sqlite { get; } = new(false);

    public bool IsPostgres { get; }

    /// <summary>Whole days from <paramref name="earlier"/> to <paramref name="later"/> (both dates).</summary>
    public string DaysBetween(string later, string earlier) =>
        IsPostgres ? $"({later} - {earlier})" : $"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)";

    /// <summary>Whole seconds between two stored instants.</summary>
    public string SecondsBetween(string later, string earlier) =>
        IsPostgres ? $"CAST(EXTRACT(EPOCH FROM ({later} - {earlier})) AS bigint)" : $"(({later} - {earlier}) / 10000000)";

    /// <summary>A non-negative number rounded down to an integer.</summary>
    public string FloorToInt(string expression) =>
        IsPostgres ? $"CAST(FLOOR({expression}) AS integer)" : $"CAST({expression} AS INTEGER)";

    /// <summary>The smaller of two numbers.</summary>
    public string Least(string a, string b) => IsPostgres ? $"LEAST({a}, {b})" : $"MIN({a}, {b})";

    /// <summary>The larger of two numbers.</summary>
    public string Greatest(string a, string b) => IsPostgres ? $"GREATEST({a}, {b})" : $"MAX({a}, {b})";

    /// <summary>A number as a double.</summary>
    public string Double(string expression) => IsPostgres ? $"CAST({expression} AS double precision)" : $"CAST({expression} AS REAL)";

    /// <summary>Comma-joined, sorted, distinct non-null values of a text column.</summary>
    public string SortedList(string expression) =>
        IsPostgres ? $"string_agg(DISTINCT {expression}, ',' ORDER BY {expression})" : $"group_concat(DISTINCT {expression} ORDER BY {expression})";

    /// <summary>True when two values differ, nulls included.</summary>
    public string Differs(string a, string b) => IsPostgres ? $"{a} IS DISTINCT FROM {b}" : $"{a} IS NOT {b}";

    /// <summary>"YYYY-MM" of a date column.</summary>
    public string MonthOfDate(string column) => IsPostgres ? $"to_char({column}, 'YYYY-MM')" : $"substr({column}, 1, 7)";

    /// <summary>"YYYY-MM" in China time of a stored instant.</summary>
    public string MonthOfInstant(string column) =>
        IsPostgres
            ? $"to_char({column} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')"
            : string.Create(CultureInfo.InvariantCulture, $"strftime('%Y-%m', ({column} - {UnixEpochTicks}) / 10000000 + 28800, 'unixepoch')");

    /// <summary>The parameter value of an instant, as the column stores it.</summary>
    public object Instant(DateTimeOffset value) => IsPostgres ? value.ToUniversalTime() : value.UtcTicks;

    /// <summary>The parameter value of a date, as the column stores it.</summary>
    public object Date(DateOnly value) => IsPostgres ? value : value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Adds a named parameter.</summary>
    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>"column IN (@p0, @p1 …)" with one parameter per value; "FALSE" for none.</summary>
    public static string InList(DbCommand command, string column, IReadOnlyCollection<long> values, string prefix)
    {
        if (values.Count == 0)
        {
            return "FALSE";
        }

        var names = new List<string>(values.Count);
        var i = 0;
        foreach (var value in values)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"@{prefix}{i++}");
            Add(command, name, value);
            names.Add(name);
        }

        return $"{column} IN ({string.Join(", ", names)})";
    }
}
