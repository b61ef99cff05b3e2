using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprovalHub.Workflows.Persistence.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "region_code",
                table: "wf_tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "sla_state",
                table: "wf_tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "warn_at",
                table: "wf_tasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "token_id",
                table: "wf_jobs",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<Guid>(
                name: "instance_id",
                table: "wf_jobs",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<int>(
                name: "attempt",
                table: "wf_jobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "definition_id",
                table: "wf_jobs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "process_key",
                table: "wf_jobs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "attempts",
                table: "wf_incidents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "job_id",
                table: "wf_incidents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resolved_by",
                table: "wf_incidents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "resume",
                table: "wf_incidents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "wf_sla_stats",
                columns: table => new
                {
                    process_key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    open_normal = table.Column<int>(type: "INTEGER", nullable: false),
                    open_warning = table.Column<int>(type: "INTEGER", nullable: false),
                    open_overdue = table.Column<int>(type: "INTEGER", nullable: false),
                    open_escalated = table.Column<int>(type: "INTEGER", nullable: false),
                    completed = table.Column<int>(type: "INTEGER", nullable: false),
                    completed_on_time = table.Column<int>(type: "INTEGER", nullable: false),
                    computed_at = table.Column<long>(type: "INTEGER", nullable: false)
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
                type: "TEXT",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "instance_id",
                table: "wf_jobs",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
