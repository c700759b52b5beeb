using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class FiguresRegisterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Children_TownshipKey_Status",
                table: "Children");

            migrationBuilder.CreateIndex(
                name: "IX_Children_TownshipKey_Status_ClosedOn_Id",
                table: "Children",
                columns: new[] { "TownshipKey", "Status", "ClosedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildCategories_ChildId_EnrolledOn_Category",
                table: "ChildCategories",
                columns: new[] { "ChildId", "EnrolledOn", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildCategories_EnrolledOn_Category_ChildId",
                table: "ChildCategories",
                columns: new[] { "EnrolledOn", "Category", "ChildId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Children_TownshipKey_Status_ClosedOn_Id",
                table: "Children");

            migrationBuilder.DropIndex(
                name: "IX_ChildCategories_ChildId_EnrolledOn_Category",
                table: "ChildCategories");

            migrationBuilder.DropIndex(
                name: "IX_ChildCategories_EnrolledOn_Category_ChildId",
                table: "ChildCategories");

            migrationBuilder.CreateIndex(
                name: "IX_Children_TownshipKey_Status",
                table: "Children",
                columns: new[] { "TownshipKey", "Status" });
        }
    }
}
