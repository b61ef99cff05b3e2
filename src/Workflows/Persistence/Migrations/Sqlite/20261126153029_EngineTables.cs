using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprovalHub.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EngineTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "wf_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    type = table.Column<int>(type: "INTEGER", nullable: false),
                    element_id = table.Column<string>(type: "TEXT", nullable: true),
                    user_id = table.Column<string>(type: "TEXT", nullable: true),
                    detail = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_inbox",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    message_name = table.Column<string>(type: "TEXT", nullable: false),
                    correlation_key = table.Column<string>(type: "TEXT", nullable: true),
                    variables_json = table.Column<string>(type: "TEXT", nullable: true),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_inbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_incidents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    token_id = table.Column<string>(type: "TEXT", nullable: false),
                    element_id = table.Column<string>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    message = table.Column<string>(type: "TEXT", nullable: false),
                    details = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    resolved_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_incidents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_instances",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    definition_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    process_key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    business_key = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    parent_instance_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    parent_token_id = table.Column<string>(type: "TEXT", nullable: true),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revision = table.Column<long>(type: "INTEGER", nullable: false),
                    state = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_instances", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    token_id = table.Column<string>(type: "TEXT", nullable: false),
                    element_id = table.Column<string>(type: "TEXT", nullable: false),
                    due_at = table.Column<long>(type: "INTEGER", nullable: false),
                    repeats_left = table.Column<int>(type: "INTEGER", nullable: true),
                    interval = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    retries = table.Column<int>(type: "INTEGER", nullable: false),
                    lock_owner = table.Column<string>(type: "TEXT", nullable: true),
                    lock_expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_subscriptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    message_name = table.Column<string>(type: "TEXT", nullable: false),
                    correlation_key = table.Column<string>(type: "TEXT", nullable: true),
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    token_id = table.Column<string>(type: "TEXT", nullable: true),
                    element_id = table.Column<string>(type: "TEXT", nullable: false),
                    definition_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_subscriptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    definition_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    process_key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    process_version = table.Column<int>(type: "INTEGER", nullable: false),
                    business_key = table.Column<string>(type: "TEXT", nullable: true),
                    token_id = table.Column<string>(type: "TEXT", nullable: false),
                    element_id = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: true),
                    assignee = table.Column<string>(type: "TEXT", nullable: true),
                    candidate_users = table.Column<string>(type: "TEXT", nullable: false),
                    candidate_groups = table.Column<string>(type: "TEXT", nullable: false),
                    form_key = table.Column<string>(type: "TEXT", nullable: true),
                    priority = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    loop_counter = table.Column<int>(type: "INTEGER", nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    completed_by = table.Column<string>(type: "TEXT", nullable: true),
                    revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_tasks", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_wf_history_instance_id_id",
                table: "wf_history",
                columns: new[] { "instance_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_inbox_message_name_correlation_key_expires_at",
                table: "wf_inbox",
                columns: new[] { "message_name", "correlation_key", "expires_at" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_incidents_instance_id",
                table: "wf_incidents",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "IX_wf_instances_business_key",
                table: "wf_instances",
                column: "business_key");

            migrationBuilder.CreateIndex(
                name: "IX_wf_instances_parent_instance_id",
                table: "wf_instances",
                column: "parent_instance_id");

            migrationBuilder.CreateIndex(
                name: "IX_wf_jobs_due_at",
                table: "wf_jobs",
                column: "due_at");

            migrationBuilder.CreateIndex(
                name: "IX_wf_jobs_instance_id_token_id",
                table: "wf_jobs",
                columns: new[] { "instance_id", "token_id" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_subscriptions_instance_id_token_id",
                table: "wf_subscriptions",
                columns: new[] { "instance_id", "token_id" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_subscriptions_message_name_correlation_key",
                table: "wf_subscriptions",
                columns: new[] { "message_name", "correlation_key" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_tasks_instance_id",
                table: "wf_tasks",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "IX_wf_tasks_process_key",
                table: "wf_tasks",
                column: "process_key");

            migrationBuilder.CreateIndex(
                name: "IX_wf_tasks_status_assignee",
                table: "wf_tasks",
                columns: new[] { "status", "assignee" });

            migrationBuilder.CreateIndex(
                name: "IX_wf_tasks_status_due_at",
                table: "wf_tasks",
                columns: new[] { "status", "due_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wf_history");

            migrationBuilder.DropTable(
                name: "wf_inbox");

            migrationBuilder.DropTable(
                name: "wf_incidents");

            migrationBuilder.DropTable(
                name: "wf_instances");

            migrationBuilder.DropTable(
                name: "wf_jobs");

            migrationBuilder.DropTable(
                name: "wf_subscriptions");

            migrationBuilder.DropTable(
                name: "wf_tasks");
        }
    }
}
