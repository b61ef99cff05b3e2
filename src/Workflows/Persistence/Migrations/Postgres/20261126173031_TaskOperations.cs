using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprovalHub.Workflows.Persistence.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "owner",
                table: "wf_tasks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "urge_count",
                table: "wf_tasks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "wf_cc",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: true),
                    process_key = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    business_key = table.Column<string>(type: "text", nullable: true),
                    region_code = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<string>(type: "text", nullable: false),
                    sent_by = table.Column<string>(type: "text", nullable: false),
                    comment = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
