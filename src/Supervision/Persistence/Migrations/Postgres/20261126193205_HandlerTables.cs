using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ApprovalHub.Supervision.Persistence.Migrations.Postgres
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
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "cancelled_on",
                table: "reg_licences",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "changed_on",
                table: "reg_licences",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "last_change",
                table: "reg_licences",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "device_id",
                table: "reg_hazards",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AddColumn<byte[]>(
                name: "pdf",
                table: "reg_e_certificates",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sign_details",
                table: "reg_e_certificates",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "superseded_on",
                table: "reg_e_certificates",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "reg_construction_notices",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    equipment_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    device_id = table.Column<long>(type: "bigint", nullable: true),
                    organisation_id = table.Column<long>(type: "bigint", nullable: false),
                    licence_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    planned_start = table.Column<DateOnly>(type: "date", nullable: false),
                    accepted_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reg_construction_notices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reg_handler_effects",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    element_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    run = table.Column<int>(type: "integer", nullable: false),
                    handler_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    outputs = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reg_handler_effects", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reg_maintenance_contracts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    device_id = table.Column<long>(type: "bigint", nullable: false),
                    user_organisation_id = table.Column<long>(type: "bigint", nullable: false),
                    maintenance_organisation_id = table.Column<long>(type: "bigint", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: false),
                    filed_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reg_maintenance_contracts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reg_notifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    process_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    element_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    recipient_user = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    recipient_organisation_id = table.Column<long>(type: "bigint", nullable: true),
                    recipient_group = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    recipient_contact = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    equipment_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reg_notifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reg_number_sequences",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    last = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reg_number_sequences", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "reg_safety_staff",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organisation_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    role = table.Column<int>(type: "integer", nullable: false),
                    category_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    certificate_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    appointed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true)
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
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);
        }
    }
}
