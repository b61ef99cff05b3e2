using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprovalHub.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QueueCandidateIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_task_candidates_kind_value_task_id",
                table: "wf_task_candidates");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "created_at",
                table: "wf_task_candidates",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "due_at",
                table: "wf_task_candidates",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "process_key",
                table: "wf_task_candidates",
                type: "character varying(255)",
                maxLength: 255,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "region_code",
                table: "wf_task_candidates",
                type: "character varying(12)",
                maxLength: 12,
                nullable: true,
                collation: "C");

            // The rows become the claimable set (open and unassigned tasks only) and carry the
            // columns the queue orders and filters by, copied from their tasks.
            migrationBuilder.Sql("""
                DELETE FROM wf_task_candidates c USING wf_tasks t WHERE t.id = c.task_id AND (t.status <> 0 OR t.assignee IS NOT NULL);
                UPDATE wf_task_candidates c
                SET region_code = CASE WHEN length(t.region_code) <= 12 THEN t.region_code END,
                    process_key = t.process_key, due_at = t.due_at, created_at = t.created_at
                FROM wf_tasks t WHERE t.id = c.task_id;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_wf_task_candidates_kind_value_region_code_due_at_created_at~",
                table: "wf_task_candidates",
                columns: new[] { "kind", "value", "region_code", "due_at", "created_at", "process_key", "task_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_task_candidates_kind_value_region_code_due_at_created_at~",
                table: "wf_task_candidates");

            migrationBuilder.DropColumn(
                name: "created_at",
                table: "wf_task_candidates");

            migrationBuilder.DropColumn(
                name: "due_at",
                table: "wf_task_candidates");

            migrationBuilder.DropColumn(
                name: "process_key",
                table: "wf_task_candidates");

            migrationBuilder.DropColumn(
                name: "region_code",
                table: "wf_task_candidates");

            migrationBuilder.CreateIndex(
                name: "IX_wf_task_candidates_kind_value_task_id",
                table: "wf_task_candidates",
                columns: new[] { "kind", "value", "task_id" });
        }
    }
}
