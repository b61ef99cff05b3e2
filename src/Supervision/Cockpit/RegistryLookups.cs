using System.Data.Common;
using ApprovalHub.Supervision.Cockpit.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ApprovalHub.Supervision.Cockpit;

/// <summary>
/// Small reads of registry columns the cockpit needs beside its own rows (设备代码, unit names and
/// credit codes), on the cockpit context's connection: the tables share one database.
/// </summary>
internal static class RegistryLookups
{
    private const int Chunk = 1000;

    /// <summary>设备代码 by device id.</summary>
    public static Task<Dictionary<long, string>> EquipmentCodesAsync(CockpitDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        ReadAsync(db, ids, "SELECT id, equipment_code FROM reg_devices WHERE {0}", "id", reader => reader.GetString(1), cancellationToken);

    /// <summary>(统一社会信用代码, name) by organisation id.</summary>
    public static Task<Dictionary<long, (string CreditCode, string Name)>> OrganisationsAsync(
        CockpitDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        ReadAsync(db, ids, "SELECT id, credit_code, name FROM reg_organisations WHERE {0}", "id", reader => (reader.GetString(1), reader.GetString(2)), cancellationToken);

    /// <summary>The use unit of each device (as the registry has it now).</summary>
    public static Task<Dictionary<long, long>> UserOrganisationsAsync(CockpitDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        ReadAsync(db, ids, "SELECT id, user_organisation_id FROM reg_devices WHERE {0}", "id", reader => reader.GetInt64(1), cancellationToken);

    /// <summary>The devices of some use units that the cockpit tracks (在建, 在用, 停用).</summary>
    public static async Task<HashSet<long>> DevicesOfAsync(CockpitDbContext db, IReadOnlyCollection<long> organisations, CancellationToken cancellationToken)
    {
        var found = await ReadAsync(db, organisations, "SELECT id, id FROM reg_devices WHERE status IN (0, 1, 2) AND {0}", "user_organisation_id",
            reader => reader.GetInt64(1), cancellationToken);
        return [.. found.Keys];
    }

    /// <summary>The employer of each person.</summary>
    public static Task<Dictionary<long, long>> EmployersAsync(CockpitDbContext db, IReadOnlyCollection<long> people, CancellationToken cancellationToken) =>
        ReadAsync(db, people, "SELECT id, organisation_id FROM reg_people WHERE organisation_id IS NOT NULL AND {0}", "id", reader => reader.GetInt64(1), cancellationToken);

    private static async Task<Dictionary<long, T>> ReadAsync<T>(
        CockpitDbContext db, IReadOnlyCollection<long> ids, string sql, string keyColumn, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, T>();
        if (ids.Count == 0)
        {
            return result;
        }

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            foreach (var chunk in ids.Chunk(Chunk))
            {
                await using var command = connection.CreateCommand();
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, SqlDialect.InList(command, keyColumn, chunk, "k"));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    result[reader.GetInt64(0)] = read(reader);
                }
            }
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        return result;
    }
}
