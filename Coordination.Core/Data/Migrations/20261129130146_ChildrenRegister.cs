using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ChildrenRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AttendanceConcern",
                table: "Screenings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttendanceNote",
                table: "Screenings",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChronicIllness",
                table: "Screenings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConfirmedCategories",
                table: "Screenings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ContactCardIssued",
                table: "Screenings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Disability",
                table: "Screenings",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "EligibleForLivingGuarantee",
                table: "Screenings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FiveClears_BasicFacts",
                table: "Screenings",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FiveClears_GuardianContact",
                table: "Screenings",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FiveClears_Health",
                table: "Screenings",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FiveClears_Hobbies",
                table: "Screenings",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FiveClears_Personality",
                table: "Screenings",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Flags",
                table: "Screenings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Grade",
                table: "Screenings",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "GreenChannelEligible",
                table: "Screenings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "GroupCounselling",
                table: "Screenings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Guardianship",
                table: "Screenings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "HeightCm",
                table: "Screenings",
                type: "TEXT",
                precision: 5,
                scale: 1,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LivingConditions",
                table: "Screenings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "School",
                table: "Screenings",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Score",
                table: "Screenings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "WeightKg",
                table: "Screenings",
                type: "TEXT",
                precision: 5,
                scale: 1,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "Children",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosureNote",
                table: "Children",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ClosureReason",
                table: "Children",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FiveClears_BasicFacts",
                table: "Children",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FiveClears_GuardianContact",
                table: "Children",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FiveClears_Health",
                table: "Children",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FiveClears_Hobbies",
                table: "Children",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FiveClears_Personality",
                table: "Children",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Grade",
                table: "Children",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GuardianName",
                table: "Children",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GuardianPhone",
                table: "Children",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "GuardianRelation",
                table: "Children",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "Children",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ParentsWorkPlace",
                table: "Children",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "School",
                table: "Children",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "VillageId",
                table: "Children",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Programmes",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LeadAgencyKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Target = table.Column<int>(type: "INTEGER", nullable: true),
                    Unit = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Programmes", x => x.Key);
                    table.ForeignKey(
                        name: "FK_Programmes_Agencies_LeadAgencyKey",
                        column: x => x.LeadAgencyKey,
                        principalTable: "Agencies",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Villages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TownshipKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Villages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Villages_Townships_TownshipKey",
                        column: x => x.TownshipKey,
                        principalTable: "Townships",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssistanceRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgrammeKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistanceRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssistanceRecords_Agencies_AgencyKey",
                        column: x => x.AgencyKey,
                        principalTable: "Agencies",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssistanceRecords_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssistanceRecords_Programmes_ProgrammeKey",
                        column: x => x.ProgrammeKey,
                        principalTable: "Programmes",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Children_MergedIntoId",
                table: "Children",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Children_VillageId",
                table: "Children",
                column: "VillageId");

            migrationBuilder.CreateIndex(
                name: "IX_AssistanceRecords_AgencyKey_Date",
                table: "AssistanceRecords",
                columns: new[] { "AgencyKey", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_AssistanceRecords_ChildId_Date",
                table: "AssistanceRecords",
                columns: new[] { "ChildId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_AssistanceRecords_ProgrammeKey_ChildId",
                table: "AssistanceRecords",
                columns: new[] { "ProgrammeKey", "ChildId" });

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_LeadAgencyKey",
                table: "Programmes",
                column: "LeadAgencyKey");

            migrationBuilder.CreateIndex(
                name: "IX_Villages_TownshipKey_Name",
                table: "Villages",
                columns: new[] { "TownshipKey", "Name" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Children_Children_MergedIntoId",
                table: "Children",
                column: "MergedIntoId",
                principalTable: "Children",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Children_Villages_VillageId",
                table: "Children",
                column: "VillageId",
                principalTable: "Villages",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Children_Children_MergedIntoId",
                table: "Children");

            migrationBuilder.DropForeignKey(
                name: "FK_Children_Villages_VillageId",
                table: "Children");

            migrationBuilder.DropTable(
                name: "AssistanceRecords");

            migrationBuilder.DropTable(
                name: "Villages");

            migrationBuilder.DropTable(
                name: "Programmes");

            migrationBuilder.DropIndex(
                name: "IX_Children_MergedIntoId",
                table: "Children");

            migrationBuilder.DropIndex(
                name: "IX_Children_VillageId",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "AttendanceConcern",
                table: "Screenings");

            migrationBuilder.DropColumn(
                name: "AttendanceNote",
                table: "Screenings");

            migrationBuilder.DropColumn(
                name: "ChronicIllness",
                table: "Screenings");

            migrationBuilder.DropColumn(
                name: "ConfirmedCategories",
                table: "Screenings");

            migrationBuilder.DropColumn(
                name: "ContactCardIssued",
                table: "Screenings");

            migrationBuilder.DropColumn(
                name: "Disability",
                table: "Screenings");

            migrationBuilder.DropColumn(
                name: "EligibleForLivingGuarantee",
                table: "Screenings");

            migrationBuilder.DropColumn(
                name: "FiveClears_BasicFacts",
                table: "Screenings");

            migrationBuilder.DropColumn(
                name: "FiveClears_GuardianContact",
                table: "Screenings");

            migrationBuilder.DropColumn(
                name: "FiveClears_Health",
                table: "Screenings");

            migrationBuilder.DropColumn(
                name: "FiveClears_Hobbies",
                table: "Screenings");

            migrationBuilder.DropColumn(
                name: "FiveClears_Personality",
                table: "Screenings");

            migrationBuilder.DropColumn(
                name: "Flags",
                table: "Screenings");

            migrationBuilder.DropColumn(
                name: "Grade",
                table: "Screenings");

            migrationBuilder.DropColumn(
                name: "GreenChannelEligible",
                table: "Screenings");

            migrationBuilder.DropColumn(
                name: "GroupCounselling",
                table: "Screenings");

            migrationBuilder.DropColumn(
                name: "Guardianship",
                table: "Screenings");

            migrationBuilder.DropColumn(
                name: "HeightCm",
                table: "Screenings");

            migrationBuilder.DropColumn(
                name: "LivingConditions",
                table: "Screenings");

            migrationBuilder.DropColumn(
                name: "School",
                table: "Screenings");

            migrationBuilder.DropColumn(
                name: "Score",
                table: "Screenings");

            migrationBuilder.DropColumn(
                name: "WeightKg",
                table: "Screenings");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "ClosureNote",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "ClosureReason",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "FiveClears_BasicFacts",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "FiveClears_GuardianContact",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "FiveClears_Health",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "FiveClears_Hobbies",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "FiveClears_Personality",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "Grade",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "GuardianName",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "GuardianPhone",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "GuardianRelation",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "ParentsWorkPlace",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "School",
                table: "Children");

            migrationBuilder.DropColumn(
                name: "VillageId",
                table: "Children");
        }
    }
}
