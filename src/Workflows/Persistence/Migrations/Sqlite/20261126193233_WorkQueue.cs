using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprovalHub.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "party_organisation_ids",
                table: "wf_tasks",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "subject_code",
                table: "wf_tasks",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "subject_name",
                table: "wf_tasks",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "started_by",
                table: "wf_instances",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "wf_form_drafts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    owner_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    data = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_form_drafts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_sequences",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_sequences", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "wf_task_candidates",
                columns: table => new
                {
                    task_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_task_candidates", x => new { x.task_id, x.kind, x.value });
                });

            migrationBuilder.CreateTable(
                name: "wf_task_parties",
                columns: table => new
                {
                    task_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    organisation_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_task_parties", x => new { x.task_id, x.organisation_id });
                });

            migrationBuilder.CreateIndex(
                name: "IX_wf_tasks_business_key",
                table: "wf_tasks",
                column: "business_key");

            migrationBuilder.CreateIndex(
                name: "IX_wf_tasks_completed_by_ended_at",
                table: "wf_tasks",
                columns: new[] { "completed_by", "ended_at" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_tasks_status_created_at",
                table: "wf_tasks",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_tasks_subject_code",
                table: "wf_tasks",
                column: "subject_code");

            migrationBuilder.CreateIndex(
                name: "IX_wf_instances_started_by_started_at",
                table: "wf_instances",
                columns: new[] { "started_by", "started_at" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_form_drafts_user_id_owner_key",
                table: "wf_form_drafts",
                columns: new[] { "user_id", "owner_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wf_task_candidates_kind_value_task_id",
                table: "wf_task_candidates",
                columns: new[] { "kind", "value", "task_id" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_task_parties_organisation_id_task_id",
                table: "wf_task_parties",
                columns: new[] { "organisation_id", "task_id" });

            // Tasks opened before this migration join the queue too: their JSON candidate lists and
            // organisation become rows (a task that names nobody is open to anyone in scope: '*').
            migrationBuilder.Sql("""
                INSERT INTO wf_task_candidates (task_id, kind, value)
                SELECT t.id, 0, u.value FROM wf_tasks t, json_each(t.candidate_users) AS u
                WHERE t.status = 0 AND length(u.value) BETWEEN 1 AND 256
                UNION
                SELECT t.id, 1, g.value FROM wf_tasks t, json_each(t.candidate_groups) AS g
                WHERE t.status = 0 AND length(g.value) BETWEEN 1 AND 256
                UNION
                SELECT t.id, 1, '*' FROM wf_tasks t
                WHERE t.status = 0 AND t.candidate_users = '[]' AND t.candidate_groups = '[]';
                INSERT INTO wf_task_parties (task_id, organisation_id)
                SELECT t.id, t.organisation_id FROM wf_tasks t WHERE t.status = 0 AND t.organisation_id IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wf_form_drafts");

            migrationBuilder.DropTable(
                name: "wf_sequences");

            migrationBuilder.DropTable(
                name: "wf_task_candidates");

            migrationBuilder.DropTable(
                name: "wf_task_parties");

            migrationBuilder.DropIndex(
                name: "IX_wf_tasks_business_key",
                table: "wf_tasks");

            migrationBuilder.DropIndex(
                name: "IX_wf_tasks_completed_by_ended_at",
                table: "wf_tasks");

            migrationBuilder.DropIndex(
                name: "IX_wf_tasks_status_created_at",
                table: "wf_tasks");

            migrationBuilder.DropIndex(
                name: "IX_wf_tasks_subject_code",
                table: "wf_tasks");

            migrationBuilder.DropIndex(
                name: "IX_wf_instances_started_by_started_at",
                table: "wf_instances");

            migrationBuilder.DropColumn(
                name: "party_organisation_ids",
                table: "wf_tasks");

            migrationBuilder.DropColumn(
                name: "subject_code",
                table: "wf_tasks");

            migrationBuilder.DropColumn(
                name: "subject_name",
                table: "wf_tasks");

            migrationBuilder.DropColumn(
                name: "started_by",
                table: "wf_instances");
        }
    }
}
