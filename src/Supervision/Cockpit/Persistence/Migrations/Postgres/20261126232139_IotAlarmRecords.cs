using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprovalHub.Supervision.Cockpit.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IotAlarmRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ck_alarm_records",
                columns: table => new
                {
                    alarm_id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    record_id = table.Column<long>(type: "bigint", nullable: false),
                    device_id = table.Column<long>(type: "bigint", nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ck_alarm_records", x => x.alarm_id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ck_alarm_records_record_id",
                table: "ck_alarm_records",
                column: "record_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ck_alarm_records");
        }
    }
}
