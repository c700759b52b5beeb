using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class BoardSnapshotCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Children_TownshipKey_Status",
                table: "Children");

            migrationBuilder.CreateIndex(
                name: "IX_Children_TownshipKey_Status_ClosedOn_Risk_Id",
                table: "Children",
                columns: new[] { "TownshipKey", "Status", "ClosedOn", "Risk", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildCategories_ChildId_EnrolledOn_Category",
                table: "ChildCategories",
                columns: new[] { "ChildId", "EnrolledOn", "Category" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Children_TownshipKey_Status_ClosedOn_Risk_Id",
                table: "Children");

            migrationBuilder.DropIndex(
                name: "IX_ChildCategories_ChildId_EnrolledOn_Category",
                table: "ChildCategories");

            migrationBuilder.CreateIndex(
                name: "IX_Children_TownshipKey_Status",
                table: "Children",
                columns: new[] { "TownshipKey", "Status" });
        }
    }
}
