using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ApprovalHub.Supervision.Iot.Persistence.Migrations.Postgres
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    equipment_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    device_id = table.Column<long>(type: "bigint", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    user_organisation_id = table.Column<long>(type: "bigint", nullable: false),
                    maintenance_organisation_id = table.Column<long>(type: "bigint", nullable: true),
                    type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    fault_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    severity = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    confirm_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    activated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    cleared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    clear_reason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    occurrences = table.Column<int>(type: "integer", nullable: false),
                    last_occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    case_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    case_started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    case_claimed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_iot_alarms", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "iot_device_credentials",
                columns: table => new
                {
                    equipment_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    device_id = table.Column<long>(type: "bigint", nullable: false),
                    organisation_id = table.Column<long>(type: "bigint", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    secret_hash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    issued_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_iot_device_credentials", x => x.equipment_code);
                });

            migrationBuilder.CreateTable(
                name: "iot_fault_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    equipment_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    message_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    alarm_id = table.Column<Guid>(type: "uuid", nullable: true)
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

            // Telemetry: not in the EF model's migrations (EF cannot express partitioning).
            // Range-partitioned by day on ts; the writer and the retention job create and drop the
            // daily partitions (TelemetryStore). BRIN on ts: rows arrive in time order, so a block
            // range index is tiny and serves time-window scans; the btree serves one device's history.
            migrationBuilder.Sql("""
                CREATE TABLE iot_telemetry (
                    equipment_code character varying(18) NOT NULL,
                    ts timestamp with time zone NOT NULL,
                    received_at timestamp with time zone NOT NULL,
                    data jsonb NOT NULL
                ) PARTITION BY RANGE (ts);
                CREATE INDEX ix_iot_telemetry_ts_brin ON iot_telemetry USING brin (ts);
                CREATE INDEX ix_iot_telemetry_equipment_code_ts ON iot_telemetry (equipment_code, ts);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS iot_telemetry CASCADE;");

            migrationBuilder.DropTable(
                name: "iot_alarms");

            migrationBuilder.DropTable(
                name: "iot_device_credentials");

            migrationBuilder.DropTable(
                name: "iot_fault_events");
        }
    }
}
