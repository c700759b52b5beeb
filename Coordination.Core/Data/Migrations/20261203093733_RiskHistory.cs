using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class RiskHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChildRiskChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Since = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildRiskChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildRiskChanges_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChildRiskChanges_ChildId_Since_Id_Level",
                table: "ChildRiskChanges",
                columns: new[] { "ChildId", "Since", "Id", "Level" });

            // The history begins with this version: a child's risk at the upgrade stands for every earlier day
            // (what the quarterly figures counted until now), and every change from here on is kept.
            migrationBuilder.Sql("""
                INSERT INTO ChildRiskChanges (ChildId, Since, Level)
                SELECT Id, '0001-01-01', Risk FROM Children WHERE Risk <> 0;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChildRiskChanges");
        }
    }
}
