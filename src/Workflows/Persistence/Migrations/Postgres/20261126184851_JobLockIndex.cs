using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprovalHub.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class JobLockIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_wf_jobs_lock_expires_at",
                table: "wf_jobs",
                column: "lock_expires_at",
                filter: "lock_expires_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_wf_jobs_lock_expires_at",
                table: "wf_jobs");
        }
    }
}
