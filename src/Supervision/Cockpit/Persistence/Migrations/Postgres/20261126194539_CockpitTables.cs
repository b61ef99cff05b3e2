using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ApprovalHub.Supervision.Cockpit.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CockpitTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ck_complaints",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    device_id = table.Column<long>(type: "bigint", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ck_complaints", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ck_device_risk",
                columns: table => new
                {
                    device_id = table.Column<long>(type: "bigint", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    category = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    user_organisation_id = table.Column<long>(type: "bigint", nullable: false),
                    maintenance_organisation_id = table.Column<long>(type: "bigint", nullable: true),
                    score = table.Column<double>(type: "double precision", nullable: true),
                    level = table.Column<int>(type: "integer", nullable: true),
                    points_age = table.Column<double>(type: "double precision", nullable: false),
                    points_beyond_design_life = table.Column<double>(type: "double precision", nullable: false),
                    points_inspection_overdue = table.Column<double>(type: "double precision", nullable: false),
                    points_inspection_failed = table.Column<double>(type: "double precision", nullable: false),
                    points_maintenance_missed = table.Column<double>(type: "double precision", nullable: false),
                    points_entrapments = table.Column<double>(type: "double precision", nullable: false),
                    points_faults = table.Column<double>(type: "double precision", nullable: false),
                    points_open_hazards = table.Column<double>(type: "double precision", nullable: false),
                    points_complaints = table.Column<double>(type: "double precision", nullable: false),
                    points_unit_overdue = table.Column<double>(type: "double precision", nullable: false),
                    points_unit_certificate_gaps = table.Column<double>(type: "double precision", nullable: false),
                    age_years = table.Column<int>(type: "integer", nullable: false),
                    design_life_years = table.Column<int>(type: "integer", nullable: false),
                    inspection_valid_until = table.Column<DateOnly>(type: "date", nullable: true),
                    overdue = table.Column<bool>(type: "boolean", nullable: false),
                    due_soon = table.Column<bool>(type: "boolean", nullable: false),
                    inspection_failed = table.Column<bool>(type: "boolean", nullable: false),
                    maintenance_days = table.Column<int>(type: "integer", nullable: true),
                    maintenance_missed_cycles = table.Column<int>(type: "integer", nullable: true),
                    entrapments = table.Column<int>(type: "integer", nullable: false),
                    recent_entrapments = table.Column<int>(type: "integer", nullable: false),
                    faults = table.Column<int>(type: "integer", nullable: false),
                    open_general_hazards = table.Column<int>(type: "integer", nullable: false),
                    open_serious_hazards = table.Column<int>(type: "integer", nullable: false),
                    hazards_open_up_to30days = table.Column<int>(type: "integer", nullable: false),
                    hazards_open31to90days = table.Column<int>(type: "integer", nullable: false),
                    hazards_open_over90days = table.Column<int>(type: "integer", nullable: false),
                    hazards_found12months = table.Column<int>(type: "integer", nullable: false),
                    hazards_closed12months = table.Column<int>(type: "integer", nullable: false),
                    alarms_today = table.Column<int>(type: "integer", nullable: false),
                    alarms_today_cleared = table.Column<int>(type: "integer", nullable: false),
                    alarm_seconds_today = table.Column<long>(type: "bigint", nullable: false),
                    complaints = table.Column<int>(type: "integer", nullable: false),
                    unit_other_devices = table.Column<int>(type: "integer", nullable: false),
                    unit_other_overdue = table.Column<int>(type: "integer", nullable: false),
                    unit_certificate_gaps = table.Column<int>(type: "integer", nullable: false),
                    changed_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ck_device_risk", x => x.device_id);
                });

            migrationBuilder.CreateTable(
                name: "ck_org_risk",
                columns: table => new
                {
                    organisation_id = table.Column<long>(type: "bigint", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    devices_in_use = table.Column<int>(type: "integer", nullable: false),
                    devices_overdue = table.Column<int>(type: "integer", nullable: false),
                    certificate_gaps = table.Column<int>(type: "integer", nullable: false),
                    gap_items = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    lapsing_items = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    changed_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ck_org_risk", x => x.organisation_id);
                });

            migrationBuilder.CreateTable(
                name: "ck_region_figures",
                columns: table => new
                {
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    devices = table.Column<long>(type: "bigint", nullable: false),
                    in_use = table.Column<long>(type: "bigint", nullable: false),
                    overdue = table.Column<long>(type: "bigint", nullable: false),
                    due_soon = table.Column<long>(type: "bigint", nullable: false),
                    risk_blue = table.Column<long>(type: "bigint", nullable: false),
                    risk_yellow = table.Column<long>(type: "bigint", nullable: false),
                    risk_orange = table.Column<long>(type: "bigint", nullable: false),
                    risk_red = table.Column<long>(type: "bigint", nullable: false),
                    hazards_open_general = table.Column<long>(type: "bigint", nullable: false),
                    hazards_open_serious = table.Column<long>(type: "bigint", nullable: false),
                    hazards_open_up_to30days = table.Column<long>(type: "bigint", nullable: false),
                    hazards_open31to90days = table.Column<long>(type: "bigint", nullable: false),
                    hazards_open_over90days = table.Column<long>(type: "bigint", nullable: false),
                    hazards_found12months = table.Column<long>(type: "bigint", nullable: false),
                    hazards_closed12months = table.Column<long>(type: "bigint", nullable: false),
                    alarms_today = table.Column<long>(type: "bigint", nullable: false),
                    alarms_today_cleared = table.Column<long>(type: "bigint", nullable: false),
                    alarm_seconds_today = table.Column<long>(type: "bigint", nullable: false),
                    warnings_inspection_due = table.Column<long>(type: "bigint", nullable: false),
                    warnings_inspection_overdue = table.Column<long>(type: "bigint", nullable: false),
                    warnings_maintenance_missed = table.Column<long>(type: "bigint", nullable: false),
                    warnings_operator_certificate = table.Column<long>(type: "bigint", nullable: false),
                    warnings_risk_red = table.Column<long>(type: "bigint", nullable: false),
                    warnings_repeated_entrapment = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ck_region_figures", x => x.region_code);
                });

            migrationBuilder.CreateTable(
                name: "ck_region_months",
                columns: table => new
                {
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    in_use = table.Column<long>(type: "bigint", nullable: true),
                    overdue = table.Column<long>(type: "bigint", nullable: true),
                    risk_red = table.Column<long>(type: "bigint", nullable: true),
                    inspections = table.Column<long>(type: "bigint", nullable: false),
                    hazards_found = table.Column<long>(type: "bigint", nullable: false),
                    hazards_closed = table.Column<long>(type: "bigint", nullable: false),
                    alarms = table.Column<long>(type: "bigint", nullable: false),
                    warnings_opened = table.Column<long>(type: "bigint", nullable: false),
                    warnings_closed = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ck_region_months", x => new { x.region_code, x.month });
                });

            migrationBuilder.CreateTable(
                name: "ck_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    trigger = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    devices_changed = table.Column<long>(type: "bigint", nullable: false),
                    devices = table.Column<long>(type: "bigint", nullable: false),
                    warnings_opened = table.Column<int>(type: "integer", nullable: false),
                    warnings_closed = table.Column<int>(type: "integer", nullable: false),
                    cases_opened = table.Column<int>(type: "integer", nullable: false),
                    stages = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ck_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ck_warnings",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    rule = table.Column<int>(type: "integer", nullable: false),
                    subject = table.Column<int>(type: "integer", nullable: false),
                    subject_id = table.Column<long>(type: "bigint", nullable: false),
                    subject_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    organisation_id = table.Column<long>(type: "bigint", nullable: false),
                    detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    close_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    case_process_key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    case_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    case_opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    case_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ck_warnings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ck_warning_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    warning_id = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ck_warning_events", x => x.id);
                    table.ForeignKey(
                        name: "FK_ck_warning_events_ck_warnings_warning_id",
                        column: x => x.warning_id,
                        principalTable: "ck_warnings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ck_complaints_device_id_received_at",
                table: "ck_complaints",
                columns: new[] { "device_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "IX_ck_complaints_reference",
                table: "ck_complaints",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ck_device_risk_region_code_device_id",
                table: "ck_device_risk",
                columns: new[] { "region_code", "device_id" })
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops", "int8_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_ck_device_risk_region_code_level",
                table: "ck_device_risk",
                columns: new[] { "region_code", "level" })
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops", "int4_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_ck_device_risk_user_organisation_id",
                table: "ck_device_risk",
                column: "user_organisation_id");

            migrationBuilder.CreateIndex(
                name: "IX_ck_runs_started_at",
                table: "ck_runs",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "IX_ck_warning_events_warning_id",
                table: "ck_warning_events",
                column: "warning_id");

            migrationBuilder.CreateIndex(
                name: "IX_ck_warnings_case_instance_id",
                table: "ck_warnings",
                column: "case_instance_id");

            migrationBuilder.CreateIndex(
                name: "IX_ck_warnings_closed_at",
                table: "ck_warnings",
                column: "closed_at");

            migrationBuilder.CreateIndex(
                name: "IX_ck_warnings_opened_at",
                table: "ck_warnings",
                column: "opened_at");

            migrationBuilder.CreateIndex(
                name: "IX_ck_warnings_region_code_id",
                table: "ck_warnings",
                columns: new[] { "region_code", "id" })
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops", "int8_ops" });

            migrationBuilder.CreateIndex(
                name: "ux_ck_warnings_open",
                table: "ck_warnings",
                columns: new[] { "rule", "subject_id" },
                unique: true,
                filter: "closed_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ck_complaints");

            migrationBuilder.DropTable(
                name: "ck_device_risk");

            migrationBuilder.DropTable(
                name: "ck_org_risk");

            migrationBuilder.DropTable(
                name: "ck_region_figures");

            migrationBuilder.DropTable(
                name: "ck_region_months");

            migrationBuilder.DropTable(
                name: "ck_runs");

            migrationBuilder.DropTable(
                name: "ck_warning_events");

            migrationBuilder.DropTable(
                name: "ck_warnings");
        }
    }
}
