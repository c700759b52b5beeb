using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Coordination.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class QuarterLocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgencySubmissions",
                columns: table => new
                {
                    Quarter = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    AgencyKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencySubmissions", x => new { x.Quarter, x.AgencyKey });
                    table.ForeignKey(
                        name: "FK_AgencySubmissions_Agencies_AgencyKey",
                        column: x => x.AgencyKey,
                        principalTable: "Agencies",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QuarterLocks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Quarter = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    LockedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LockedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    UnlockedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UnlockedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UnlockReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuarterLocks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportedFigures",
                columns: table => new
                {
                    Quarter = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    AgencyKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportedFigures", x => new { x.Quarter, x.AgencyKey, x.Key });
                    table.ForeignKey(
                        name: "FK_ReportedFigures_Agencies_AgencyKey",
                        column: x => x.AgencyKey,
                        principalTable: "Agencies",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LockedFigures",
                columns: table => new
                {
                    LockId = table.Column<long>(type: "INTEGER", nullable: false),
                    IndicatorKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    TownshipKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LockedFigures", x => new { x.LockId, x.IndicatorKey, x.TownshipKey });
                    table.ForeignKey(
                        name: "FK_LockedFigures_QuarterLocks_LockId",
                        column: x => x.LockId,
                        principalTable: "QuarterLocks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgencySubmissions_AgencyKey",
                table: "AgencySubmissions",
                column: "AgencyKey");

            migrationBuilder.CreateIndex(
                name: "IX_QuarterLocks_Quarter",
                table: "QuarterLocks",
                column: "Quarter",
                unique: true,
                filter: "\"UnlockedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ReportedFigures_AgencyKey",
                table: "ReportedFigures",
                column: "AgencyKey");

            // The database's own guards of a signed quarter: its stored values never change, its reported figures
            // and submissions do not move while a lock is in force, whatever program writes to the file.
            migrationBuilder.Sql("CREATE TRIGGER LockedFigures_NoUpdate BEFORE UPDATE ON LockedFigures BEGIN SELECT RAISE(ABORT, 'locked figures never change'); END;");
            migrationBuilder.Sql("CREATE TRIGGER LockedFigures_NoDelete BEFORE DELETE ON LockedFigures BEGIN SELECT RAISE(ABORT, 'locked figures never change'); END;");
            foreach (var (table, operation, row) in new[]
            {
                ("ReportedFigures", "INSERT", "NEW"), ("ReportedFigures", "UPDATE", "OLD"), ("ReportedFigures", "DELETE", "OLD"),
                ("AgencySubmissions", "INSERT", "NEW"), ("AgencySubmissions", "DELETE", "OLD"),
            })
            {
                migrationBuilder.Sql($"CREATE TRIGGER {table}_Locked{operation[0]}{operation[1..].ToLowerInvariant()} BEFORE {operation} ON {table} " +
                    $"WHEN EXISTS (SELECT 1 FROM QuarterLocks WHERE Quarter = {row}.Quarter AND UnlockedAt IS NULL) " +
                    "BEGIN SELECT RAISE(ABORT, 'the quarter is locked'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[]
            {
                "LockedFigures_NoUpdate", "LockedFigures_NoDelete", "ReportedFigures_LockedInsert", "ReportedFigures_LockedUpdate",
                "ReportedFigures_LockedDelete", "AgencySubmissions_LockedInsert", "AgencySubmissions_LockedDelete",
            })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            }

            migrationBuilder.DropTable(
                name: "AgencySubmissions");

            migrationBuilder.DropTable(
                name: "LockedFigures");

            migrationBuilder.DropTable(
                name: "ReportedFigures");

            migrationBuilder.DropTable(
                name: "QuarterLocks");
        }
    }
}
