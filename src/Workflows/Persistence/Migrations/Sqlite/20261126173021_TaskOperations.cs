using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprovalHub.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TaskOperations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "delegation_state",
                table: "wf_tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "owner",
                table: "wf_tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "urge_count",
                table: "wf_tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "wf_cc",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    task_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    process_key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    business_key = table.Column<string>(type: "TEXT", nullable: true),
                    region_code = table.Column<string>(type: "TEXT", nullable: true),
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    sent_by = table.Column<string>(type: "TEXT", nullable: false),
                    comment = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    read_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wf_cc", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_wf_cc_instance_id",
                table: "wf_cc",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "IX_wf_cc_user_id_read_at_created_at",
                table: "wf_cc",
                columns: new[] { "user_id", "read_at", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wf_cc");

            migrationBuilder.DropColumn(
                name: "delegation_state",
                table: "wf_tasks");

            migrationBuilder.DropColumn(
                name: "owner",
                table: "wf_tasks");

            migrationBuilder.DropColumn(
                name: "urge_count",
                table: "wf_tasks");
        }
    }
}
