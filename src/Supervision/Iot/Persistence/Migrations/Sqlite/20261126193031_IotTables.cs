using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprovalHub.Supervision.Iot.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IotTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "iot_alarms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    equipment_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    device_id = table.Column<long>(type: "INTEGER", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    user_organisation_id = table.Column<long>(type: "INTEGER", nullable: false),
                    maintenance_organisation_id = table.Column<long>(type: "INTEGER", nullable: true),
                    type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    fault_code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    severity = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    raised_at = table.Column<long>(type: "INTEGER", nullable: false),
                    confirm_due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    activated_at = table.Column<long>(type: "INTEGER", nullable: true),
                    acknowledged_at = table.Column<long>(type: "INTEGER", nullable: true),
                    acknowledged_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    cleared_at = table.Column<long>(type: "INTEGER", nullable: true),
                    clear_reason = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    occurrences = table.Column<int>(type: "INTEGER", nullable: false),
                    last_occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    case_instance_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    case_started_at = table.Column<long>(type: "INTEGER", nullable: true),
                    case_claimed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_iot_alarms", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "iot_device_credentials",
                columns: table => new
                {
                    equipment_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    device_id = table.Column<long>(type: "INTEGER", nullable: false),
                    organisation_id = table.Column<long>(type: "INTEGER", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    secret_hash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    issued_at = table.Column<long>(type: "INTEGER", nullable: false),
                    issued_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_iot_device_credentials", x => x.equipment_code);
                });

            migrationBuilder.CreateTable(
                name: "iot_fault_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    equipment_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    message_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    alarm_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_iot_fault_events", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_iot_alarms_case_instance_id",
                table: "iot_alarms",
                column: "case_instance_id");

            migrationBuilder.CreateIndex(
                name: "IX_iot_alarms_region_code_raised_at",
                table: "iot_alarms",
                columns: new[] { "region_code", "raised_at" });

            migrationBuilder.CreateIndex(
                name: "IX_iot_alarms_status_confirm_due_at",
                table: "iot_alarms",
                columns: new[] { "status", "confirm_due_at" });

            migrationBuilder.CreateIndex(
                name: "ux_iot_alarms_open",
                table: "iot_alarms",
                columns: new[] { "equipment_code", "type" },
                unique: true,
                filter: "cleared_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_iot_device_credentials_organisation_id",
                table: "iot_device_credentials",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "IX_iot_fault_events_equipment_code_code_occurred_at",
                table: "iot_fault_events",
                columns: new[] { "equipment_code", "code", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "IX_iot_fault_events_equipment_code_message_id",
                table: "iot_fault_events",
                columns: new[] { "equipment_code", "message_id" },
                unique: true);

            // Telemetry: a plain table on SQLite (UTC ticks, as every time column here); written by
            // TelemetryStore, not by EF, and kept out of the model's migrations.
            migrationBuilder.Sql("""
                CREATE TABLE iot_telemetry (
                    equipment_code TEXT NOT NULL,
                    ts INTEGER NOT NULL,
                    received_at INTEGER NOT NULL,
                    data TEXT NOT NULL
                );
                CREATE INDEX ix_iot_telemetry_equipment_code_ts ON iot_telemetry (equipment_code, ts);
                CREATE INDEX ix_iot_telemetry_ts ON iot_telemetry (ts);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS iot_telemetry;");

            migrationBuilder.DropTable(
                name: "iot_alarms");

            migrationBuilder.DropTable(
                name: "iot_device_credentials");

            migrationBuilder.DropTable(
                name: "iot_fault_events");
        }
    }
}
