using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprovalHub.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class JobsAndSla : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "organisation_id",
                table: "wf_tasks",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "region_code",
                table: "wf_tasks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "sla_state",
                table: "wf_tasks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "warn_at",
                table: "wf_tasks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "token_id",
                table: "wf_jobs",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<Guid>(
                name: "instance_id",
                table: "wf_jobs",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<int>(
                name: "attempt",
                table: "wf_jobs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "definition_id",
                table: "wf_jobs",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "process_key",
                table: "wf_jobs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "attempts",
                table: "wf_incidents",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "job_id",
                table: "wf_incidents",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resolved_by",
                table: "wf_incidents",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "resume",
                table: "wf_incidents",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "wf_sla_stats",
                columns: table => new
                {
                    process_key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    open_normal = table.Column<int>(type: "integer", nullable: false),
                    open_warning = table.Column<int>(type: "integer", nullable: false),
                    open_overdue = table.Column<int>(type: "integer", nullable: false),
                    open_escalated = table.Column<int>(type: "integer", nullable: false),
                    completed = table.Column<int>(type: "integer", nullable: false),
                    completed_on_time = table.Column<int>(type: "integer", nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_sla_stats", x => new { x.process_key, x.region_code });
                });

            migrationBuilder.CreateIndex(
                name: "IX_wf_tasks_region_code_status",
                table: "wf_tasks",
                columns: new[] { "region_code", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_tasks_status_sla_state_due_at",
                table: "wf_tasks",
                columns: new[] { "status", "sla_state", "due_at" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_tasks_status_warn_at",
                table: "wf_tasks",
                columns: new[] { "status", "warn_at" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_jobs_kind_process_key",
                table: "wf_jobs",
                columns: new[] { "kind", "process_key" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_incidents_resolved_at_created_at",
                table: "wf_incidents",
                columns: new[] { "resolved_at", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wf_sla_stats");

            migrationBuilder.DropIndex(
                name: "IX_wf_tasks_region_code_status",
                table: "wf_tasks");

            migrationBuilder.DropIndex(
                name: "IX_wf_tasks_status_sla_state_due_at",
                table: "wf_tasks");

            migrationBuilder.DropIndex(
                name: "IX_wf_tasks_status_warn_at",
                table: "wf_tasks");

            migrationBuilder.DropIndex(
                name: "IX_wf_jobs_kind_process_key",
                table: "wf_jobs");

            migrationBuilder.DropIndex(
                name: "IX_wf_incidents_resolved_at_created_at",
                table: "wf_incidents");

            migrationBuilder.DropColumn(
                name: "organisation_id",
                table: "wf_tasks");

            migrationBuilder.DropColumn(
                name: "region_code",
                table: "wf_tasks");

            migrationBuilder.DropColumn(
                name: "sla_state",
                table: "wf_tasks");

            migrationBuilder.DropColumn(
                name: "warn_at",
                table: "wf_tasks");

            migrationBuilder.DropColumn(
                name: "attempt",
                table: "wf_jobs");

            migrationBuilder.DropColumn(
                name: "definition_id",
                table: "wf_jobs");

            migrationBuilder.DropColumn(
                name: "process_key",
                table: "wf_jobs");

            migrationBuilder.DropColumn(
                name: "attempts",
                table: "wf_incidents");

            migrationBuilder.DropColumn(
                name: "job_id",
                table: "wf_incidents");

            migrationBuilder.DropColumn(
                name: "resolved_by",
                table: "wf_incidents");

            migrationBuilder.DropColumn(
                name: "resume",
                table: "wf_incidents");

            migrationBuilder.AlterColumn<string>(
                name: "token_id",
                table: "wf_jobs",
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "instance_id",
                table: "wf_jobs",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
