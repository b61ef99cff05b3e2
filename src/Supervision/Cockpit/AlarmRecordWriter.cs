using System.Data.Common;
using System.Globalization;
using ApprovalHub.Supervision.Alarms;
using ApprovalHub.Supervision.Cockpit.Persistence;
using ApprovalHub.Supervision.Iot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ApprovalHub.Supervision.Cockpit;

/// <summary>
/// Writes an IoT alarm into the registry's alarm records (<c>reg_alarms</c>), where the risk model
/// and the control centre count alarms, and keeps the link and the acknowledgement in
/// <c>ck_alarm_records</c>. Plain SQL on the IoT context's connection and open transaction: the
/// alarm and its record commit together, and no registry or cockpit context is opened per message.
/// </summary>
public static class AlarmRecordWriter
{
    // reg_alarms.fault_code holds 8 characters: event codes fit; a threshold rule's metric
    // ("windSpeed") is cut, and the description keeps it whole.
    private const int FaultCodeLength = 8;
    private const int DescriptionLength = 200;

    /// <summary>
    /// Brings the registry record of <paramref name="alarm"/> in line with it (see
    /// <see cref="IAlarmRecords.RecordAsync"/>): nothing for an alarm that never became active; else
    /// the record is added once and its clearance and acknowledgement follow the alarm.
    /// </summary>
    /// <returns>True when the record was added or changed.</returns>
    public static async Task<bool> WriteAsync(IotDbContext db, Alarm alarm, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(alarm);
        if (alarm.ActivatedAt is null)
        {
            // Pending, or dismissed inside its delay (误报): nobody was alarmed, nothing to count.
            return false;
        }

        var dialect = db.IsPostgres ? SqlDialect.Postgres : SqlDialect.Sqlite;
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var key = alarm.Id.ToString("D", CultureInfo.InvariantCulture);
        var cleared = alarm.ClearedAt is { } c ? dialect.Instant(c) : null;
        var acknowledged = alarm.AcknowledgedAt is { } a ? dialect.Instant(a) : null;

        await using var find = Command(connection, transaction, "SELECT record_id FROM ck_alarm_records WHERE alarm_id = @alarm");
        SqlDialect.Add(find, "@alarm", key);
        var found = await find.ExecuteScalarAsync(cancellationToken);
        if (found is null or DBNull)
        {
            await using var insert = Command(connection, transaction, """
                INSERT INTO reg_alarms (device_id, raised_at, fault_code, description, cleared_at)
                VALUES (@device, @raised, @code, @description, @cleared)
                RETURNING id
                """);
            SqlDialect.Add(insert, "@device", alarm.DeviceId);
            SqlDialect.Add(insert, "@raised", dialect.Instant(alarm.RaisedAt));
            SqlDialect.Add(insert, "@code", alarm.FaultCode.Length <= FaultCodeLength ? alarm.FaultCode : alarm.FaultCode[..FaultCodeLength]);
            SqlDialect.Add(insert, "@description", Describe(alarm, name));
            SqlDialect.Add(insert, "@cleared", cleared);
            var record = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

            // The key decides a race between two nodes: the loser's whole transaction rolls back
            // and its message is retried, finding the record this one wrote.
            await using var link = Command(connection, transaction, """
                INSERT INTO ck_alarm_records (alarm_id, record_id, device_id, acknowledged_at)
                VALUES (@alarm, @record, @device, @acknowledged)
                """);
            SqlDialect.Add(link, "@alarm", key);
            SqlDialect.Add(link, "@record", record);
            SqlDialect.Add(link, "@device", alarm.DeviceId);
            SqlDialect.Add(link, "@acknowledged", acknowledged);
            await link.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }

        var id = Convert.ToInt64(found, CultureInfo.InvariantCulture);
        await using var clear = Command(connection, transaction, $"UPDATE reg_alarms SET cleared_at = @cleared WHERE id = @record AND {dialect.Differs("cleared_at", "@cleared")}");
        SqlDialect.Add(clear, "@cleared", cleared);
        SqlDialect.Add(clear, "@record", id);
        var changed = await clear.ExecuteNonQueryAsync(cancellationToken);

        await using var acknowledge = Command(connection, transaction,
            $"UPDATE ck_alarm_records SET acknowledged_at = @acknowledged WHERE alarm_id = @alarm AND {dialect.Differs("acknowledged_at", "@acknowledged")}");
        SqlDialect.Add(acknowledge, "@acknowledged", acknowledged);
        SqlDialect.Add(acknowledge, "@alarm", key);
        changed += await acknowledge.ExecuteNonQueryAsync(cancellationToken);
        return changed > 0;
    }

    /// <summary>The record's description: the rule's name and what the device reported.</summary>
    public static string Describe(Alarm alarm, string name)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        var text = $"物联网告警：{name}（{alarm.Type}，{alarm.FaultCode}）";
        return text.Length <= DescriptionLength ? text : text[..DescriptionLength];
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
