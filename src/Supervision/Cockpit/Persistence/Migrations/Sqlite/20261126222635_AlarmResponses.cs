using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprovalHub.Supervision.Cockpit.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AlarmResponses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "alarms_today_cleared",
                table: "ck_region_figures",
                newName: "alarms_today_answered");

            migrationBuilder.RenameColumn(
                name: "alarm_seconds_today",
                table: "ck_region_figures",
                newName: "alarm_response_seconds_today");

            migrationBuilder.RenameColumn(
                name: "alarms_today_cleared",
                table: "ck_device_risk",
                newName: "alarms_today_answered");

            migrationBuilder.RenameColumn(
                name: "alarm_seconds_today",
                table: "ck_device_risk",
                newName: "alarm_response_seconds_today");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "alarms_today_answered",
                table: "ck_region_figures",
                newName: "alarms_today_cleared");

            migrationBuilder.RenameColumn(
                name: "alarm_response_seconds_today",
                table: "ck_region_figures",
                newName: "alarm_seconds_today");

            migrationBuilder.RenameColumn(
                name: "alarms_today_answered",
                table: "ck_device_risk",
                newName: "alarms_today_cleared");

            migrationBuilder.RenameColumn(
                name: "alarm_response_seconds_today",
                table: "ck_device_risk",
                newName: "alarm_seconds_today");
        }
    }
}
