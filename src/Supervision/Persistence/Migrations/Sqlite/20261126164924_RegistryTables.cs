using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprovalHub.Supervision.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RegistryTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reg_accidents",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    device_id = table.Column<long>(type: "INTEGER", nullable: false),
                    organisation_id = table.Column<long>(type: "INTEGER", nullable: false),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reg_accidents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reg_alarms",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    device_id = table.Column<long>(type: "INTEGER", nullable: false),
                    raised_at = table.Column<long>(type: "INTEGER", nullable: false),
                    fault_code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    cleared_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reg_alarms", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reg_devices",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    equipment_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    registration_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    use_certificate_number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    rescue_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    catalog_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    category = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    user_organisation_id = table.Column<long>(type: "INTEGER", nullable: false),
                    maintenance_organisation_id = table.Column<long>(type: "INTEGER", nullable: true),
                    manufacturer_organisation_id = table.Column<long>(type: "INTEGER", nullable: true),
                    inspection_organisation_id = table.Column<long>(type: "INTEGER", nullable: true),
                    manufactured_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    installed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    first_used_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    safety_grade = table.Column<int>(type: "INTEGER", nullable: true),
                    inspection_valid_until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    last_inspected_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    last_inspection_result = table.Column<int>(type: "INTEGER", nullable: true),
                    next_due_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    last_maintained_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    alarm_active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reg_devices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reg_e_certificates",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    organisation_id = table.Column<long>(type: "INTEGER", nullable: false),
                    device_id = table.Column<long>(type: "INTEGER", nullable: true),
                    issued_on = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reg_e_certificates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reg_hazards",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    device_id = table.Column<long>(type: "INTEGER", nullable: false),
                    organisation_id = table.Column<long>(type: "INTEGER", nullable: false),
                    found_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reg_hazards", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reg_inspections",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    device_id = table.Column<long>(type: "INTEGER", nullable: false),
                    inspection_organisation_id = table.Column<long>(type: "INTEGER", nullable: true),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    inspected_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    result = table.Column<int>(type: "INTEGER", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    report_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reg_inspections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reg_licences",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    organisation_id = table.Column<long>(type: "INTEGER", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    scope = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    expires_on = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reg_licences", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reg_maintenance",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    device_id = table.Column<long>(type: "INTEGER", nullable: false),
                    organisation_id = table.Column<long>(type: "INTEGER", nullable: false),
                    performed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reg_maintenance", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reg_operator_certificates",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    person_id = table.Column<long>(type: "INTEGER", nullable: false),
                    item_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    legacy_item_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    expires_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    revoked = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reg_operator_certificates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reg_organisations",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    credit_code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    roles = table.Column<int>(type: "INTEGER", nullable: false),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    duty_phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reg_organisations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reg_people",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    id_number_masked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    id_number_fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    organisation_id = table.Column<long>(type: "INTEGER", nullable: true),
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reg_people", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reg_region_rollups",
                columns: table => new
                {
                    region_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    category = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    devices = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reg_region_rollups", x => new { x.region_code, x.category, x.status });
                });

            migrationBuilder.CreateTable(
                name: "reg_regions",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    parent_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    generated = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reg_regions", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "reg_registration_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    device_id = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    detail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reg_registration_events", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_reg_accidents_device_id",
                table: "reg_accidents",
                column: "device_id");

            migrationBuilder.CreateIndex(
                name: "IX_reg_alarms_device_id",
                table: "reg_alarms",
                column: "device_id");

            migrationBuilder.CreateIndex(
                name: "IX_reg_devices_catalog_code_id",
                table: "reg_devices",
                columns: new[] { "catalog_code", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_reg_devices_equipment_code",
                table: "reg_devices",
                column: "equipment_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reg_devices_inspection_organisation_id_id",
                table: "reg_devices",
                columns: new[] { "inspection_organisation_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_reg_devices_inspection_valid_until_id",
                table: "reg_devices",
                columns: new[] { "inspection_valid_until", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_reg_devices_maintenance_organisation_id_id",
                table: "reg_devices",
                columns: new[] { "maintenance_organisation_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_reg_devices_region_code_id",
                table: "reg_devices",
                columns: new[] { "region_code", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_reg_devices_registration_code",
                table: "reg_devices",
                column: "registration_code");

            migrationBuilder.CreateIndex(
                name: "IX_reg_devices_rescue_code",
                table: "reg_devices",
                column: "rescue_code");

            migrationBuilder.CreateIndex(
                name: "IX_reg_devices_use_certificate_number",
                table: "reg_devices",
                column: "use_certificate_number");

            migrationBuilder.CreateIndex(
                name: "IX_reg_devices_user_organisation_id_id",
                table: "reg_devices",
                columns: new[] { "user_organisation_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_reg_e_certificates_device_id",
                table: "reg_e_certificates",
                column: "device_id");

            migrationBuilder.CreateIndex(
                name: "IX_reg_e_certificates_organisation_id",
                table: "reg_e_certificates",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "IX_reg_hazards_device_id",
                table: "reg_hazards",
                column: "device_id");

            migrationBuilder.CreateIndex(
                name: "IX_reg_inspections_device_id",
                table: "reg_inspections",
                column: "device_id");

            migrationBuilder.CreateIndex(
                name: "IX_reg_licences_number",
                table: "reg_licences",
                column: "number");

            migrationBuilder.CreateIndex(
                name: "IX_reg_licences_organisation_id",
                table: "reg_licences",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "IX_reg_maintenance_device_id",
                table: "reg_maintenance",
                column: "device_id");

            migrationBuilder.CreateIndex(
                name: "IX_reg_operator_certificates_expires_on",
                table: "reg_operator_certificates",
                column: "expires_on");

            migrationBuilder.CreateIndex(
                name: "IX_reg_operator_certificates_person_id",
                table: "reg_operator_certificates",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "IX_reg_organisations_credit_code",
                table: "reg_organisations",
                column: "credit_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reg_organisations_region_code",
                table: "reg_organisations",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "IX_reg_people_id_number_fingerprint",
                table: "reg_people",
                column: "id_number_fingerprint",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reg_people_organisation_id",
                table: "reg_people",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "IX_reg_regions_parent_code",
                table: "reg_regions",
                column: "parent_code");

            migrationBuilder.CreateIndex(
                name: "IX_reg_registration_events_device_id",
                table: "reg_registration_events",
                column: "device_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reg_accidents");

            migrationBuilder.DropTable(
                name: "reg_alarms");

            migrationBuilder.DropTable(
                name: "reg_devices");

            migrationBuilder.DropTable(
                name: "reg_e_certificates");

            migrationBuilder.DropTable(
                name: "reg_hazards");

            migrationBuilder.DropTable(
                name: "reg_inspections");

            migrationBuilder.DropTable(
                name: "reg_licences");

            migrationBuilder.DropTable(
                name: "reg_maintenance");

            migrationBuilder.DropTable(
                name: "reg_operator_certificates");

            migrationBuilder.DropTable(
                name: "reg_organisations");

            migrationBuilder.DropTable(
                name: "reg_people");

            migrationBuilder.DropTable(
                name: "reg_region_rollups");

            migrationBuilder.DropTable(
                name: "reg_regions");

            migrationBuilder.DropTable(
                name: "reg_registration_events");
        }
    }
}
