using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprovalHub.Supervision.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HandlerTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "detail",
                table: "reg_maintenance",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "cancelled_on",
                table: "reg_licences",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "changed_on",
                table: "reg_licences",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "last_change",
                table: "reg_licences",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "device_id",
                table: "reg_hazards",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<byte[]>(
                name: "pdf",
                table: "reg_e_certificates",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sign_details",
                table: "reg_e_certificates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "superseded_on",
                table: "reg_e_certificates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "reg_construction_notices",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    equipment_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    device_id = table.Column<long>(type: "INTEGER", nullable: true),
                    organisation_id = table.Column<long>(type: "INTEGER", nullable: false),
                    licence_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    planned_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    accepted_on = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reg_construction_notices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reg_handler_effects",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    element_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    run = table.Column<int>(type: "INTEGER", nullable: false),
                    handler_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    idempotency_key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    outputs = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reg_handler_effects", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reg_maintenance_contracts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    device_id = table.Column<long>(type: "INTEGER", nullable: false),
                    user_organisation_id = table.Column<long>(type: "INTEGER", nullable: false),
                    maintenance_organisation_id = table.Column<long>(type: "INTEGER", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    filed_on = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reg_maintenance_contracts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reg_notifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    instance_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    process_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    element_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    recipient_user = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    recipient_organisation_id = table.Column<long>(type: "INTEGER", nullable: true),
                    recipient_group = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    recipient_contact = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    equipment_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    read_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reg_notifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reg_number_sequences",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    last = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reg_number_sequences", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "reg_safety_staff",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    organisation_id = table.Column<long>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    role = table.Column<int>(type: "INTEGER", nullable: false),
                    category_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    certificate_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    appointed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ended_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reg_safety_staff", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_reg_e_certificates_number",
                table: "reg_e_certificates",
                column: "number");

            migrationBuilder.CreateIndex(
                name: "IX_reg_construction_notices_equipment_code",
                table: "reg_construction_notices",
                column: "equipment_code");

            migrationBuilder.CreateIndex(
                name: "IX_reg_construction_notices_number",
                table: "reg_construction_notices",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reg_handler_effects_instance_id_element_id_run",
                table: "reg_handler_effects",
                columns: new[] { "instance_id", "element_id", "run" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reg_maintenance_contracts_device_id",
                table: "reg_maintenance_contracts",
                column: "device_id");

            migrationBuilder.CreateIndex(
                name: "IX_reg_maintenance_contracts_maintenance_organisation_id",
                table: "reg_maintenance_contracts",
                column: "maintenance_organisation_id");

            migrationBuilder.CreateIndex(
                name: "IX_reg_notifications_instance_id",
                table: "reg_notifications",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "IX_reg_notifications_recipient_group_id",
                table: "reg_notifications",
                columns: new[] { "recipient_group", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_reg_notifications_recipient_organisation_id_id",
                table: "reg_notifications",
                columns: new[] { "recipient_organisation_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_reg_notifications_recipient_user_id",
                table: "reg_notifications",
                columns: new[] { "recipient_user", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_reg_safety_staff_organisation_id",
                table: "reg_safety_staff",
                column: "organisation_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reg_construction_notices");

            migrationBuilder.DropTable(
                name: "reg_handler_effects");

            migrationBuilder.DropTable(
                name: "reg_maintenance_contracts");

            migrationBuilder.DropTable(
                name: "reg_notifications");

            migrationBuilder.DropTable(
                name: "reg_number_sequences");

            migrationBuilder.DropTable(
                name: "reg_safety_staff");

            migrationBuilder.DropIndex(
                name: "IX_reg_e_certificates_number",
                table: "reg_e_certificates");

            migrationBuilder.DropColumn(
                name: "detail",
                table: "reg_maintenance");

            migrationBuilder.DropColumn(
                name: "cancelled_on",
                table: "reg_licences");

            migrationBuilder.DropColumn(
                name: "changed_on",
                table: "reg_licences");

            migrationBuilder.DropColumn(
                name: "last_change",
                table: "reg_licences");

            migrationBuilder.DropColumn(
                name: "pdf",
                table: "reg_e_certificates");

            migrationBuilder.DropColumn(
                name: "sign_details",
                table: "reg_e_certificates");

            migrationBuilder.DropColumn(
                name: "superseded_on",
                table: "reg_e_certificates");

            migrationBuilder.AlterColumn<long>(
                name: "device_id",
                table: "reg_hazards",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
