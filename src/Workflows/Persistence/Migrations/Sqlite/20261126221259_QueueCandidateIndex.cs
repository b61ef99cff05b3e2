using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprovalHub.Workflows.Persistence.Migrations.Sqlite
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

            migrationBuilder.AddColumn<long>(
                name: "created_at",
                table: "wf_task_candidates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "due_at",
                table: "wf_task_candidates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "process_key",
                table: "wf_task_candidates",
                type: "TEXT",
                maxLength: 255,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "region_code",
                table: "wf_task_candidates",
                type: "TEXT",
                maxLength: 12,
                nullable: true);

            // The rows become the claimable set (open and unassigned tasks only) and carry the
            // columns the queue orders and filters by, copied from their tasks.
            migrationBuilder.Sql("""
                DELETE FROM wf_task_candidates WHERE task_id IN (SELECT id FROM wf_tasks WHERE status <> 0 OR assignee IS NOT NULL);
                UPDATE wf_task_candidates
                SET region_code = CASE WHEN length(t.region_code) <= 12 THEN t.region_code END,
                    process_key = t.process_key, due_at = t.due_at, created_at = t.created_at
                FROM wf_tasks AS t WHERE t.id = wf_task_candidates.task_id;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_wf_task_candidates_kind_value_region_code_due_at_created_at_process_key_task_id",
                table: "wf_task_candidates",
                columns: new[] { "kind", "value", "region_code", "due_at", "created_at", "process_key", "task_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_task_candidates_kind_value_region_code_due_at_created_at_process_key_task_id",
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
