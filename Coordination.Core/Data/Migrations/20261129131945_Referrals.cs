using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Referrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromAgencyKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ToAgencyKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Need = table.Column<int>(type: "INTEGER", nullable: false),
                    Urgency = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AcceptDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompleteDueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SuggestedAgencyKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    WithdrawReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AcceptanceOverdueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletionOverdueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SecondsToAccept = table.Column<long>(type: "INTEGER", nullable: true),
                    SecondsToComplete = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedOnTime = table.Column<bool>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referrals_Agencies_FromAgencyKey",
                        column: x => x.FromAgencyKey,
                        principalTable: "Agencies",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_Agencies_ToAgencyKey",
                        column: x => x.ToAgencyKey,
                        principalTable: "Agencies",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_Children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReferralSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    AgencyKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Person = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferralSteps_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ChildId_CreatedAt",
                table: "Referrals",
                columns: new[] { "ChildId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_CreatedAt",
                table: "Referrals",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_FromAgencyKey_Status",
                table: "Referrals",
                columns: new[] { "FromAgencyKey", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Status_AcceptDueAt",
                table: "Referrals",
                columns: new[] { "Status", "AcceptDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Status_CompleteDueAt",
                table: "Referrals",
                columns: new[] { "Status", "CompleteDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ToAgencyKey_Status",
                table: "Referrals",
                columns: new[] { "ToAgencyKey", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ReferralSteps_ReferralId_At",
                table: "ReferralSteps",
                columns: new[] { "ReferralId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReferralSteps");

            migrationBuilder.DropTable(
                name: "Referrals");
        }
    }
}
