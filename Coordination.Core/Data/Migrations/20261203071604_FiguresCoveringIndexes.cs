using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class FiguresCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Screenings_Date",
                table: "Screenings");

            migrationBuilder.CreateIndex(
                name: "IX_Screenings_Date_Kind_ChildId",
                table: "Screenings",
                columns: new[] { "Date", "Kind", "ChildId" });

            migrationBuilder.CreateIndex(
                name: "IX_Children_Id_TownshipKey_Status_ClosedOn_Risk",
                table: "Children",
                columns: new[] { "Id", "TownshipKey", "Status", "ClosedOn", "Risk" });

            migrationBuilder.CreateIndex(
                name: "IX_AssistanceRecords_Date_Kind_ChildId_Count_AmountFen",
                table: "AssistanceRecords",
                columns: new[] { "Date", "Kind", "ChildId", "Count", "AmountFen" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Screenings_Date_Kind_ChildId",
                table: "Screenings");

            migrationBuilder.DropIndex(
                name: "IX_Children_Id_TownshipKey_Status_ClosedOn_Risk",
                table: "Children");

            migrationBuilder.DropIndex(
                name: "IX_AssistanceRecords_Date_Kind_ChildId_Count_AmountFen",
                table: "AssistanceRecords");

            migrationBuilder.CreateIndex(
                name: "IX_Screenings_Date",
                table: "Screenings",
                column: "Date");
        }
    }
}
