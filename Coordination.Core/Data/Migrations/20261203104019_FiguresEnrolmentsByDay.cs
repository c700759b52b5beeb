using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class FiguresEnrolmentsByDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ChildCategories_EnrolledOn_Category_ChildId",
                table: "ChildCategories",
                columns: new[] { "EnrolledOn", "Category", "ChildId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChildCategories_EnrolledOn_Category_ChildId",
                table: "ChildCategories");
        }
    }
}
