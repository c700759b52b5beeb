using System.Globalization;
using Coordination.Core.Children;
using Coordination.Core.Referrals;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Coordination.Benchmarks;

/// <summary>
/// The board snapshot's reads for a reader of the whole city, written by hand on Microsoft.Data.Sqlite: the floor
/// <c>BoardSnapshotService</c> is compared with. The same figures, lines and lengths (8 per column, 30 in the feed,
/// 20 overdue), in one read transaction, each written as a person would for exactly what the board shows.
/// </summary>
internal sealed class RawSnapshotSql(string connectionString)
{
    private static readonly DateTimeOffsetToBinaryConverter Instant = new();

    /// <summary>The figures both sides must agree on, to check that the two compute the same board.</summary>
    public sealed record Totals(long Sequence, int ActiveChildren, int HighRisk, int ThisMonth, int ThisQuarter, int Overdue, int Lines);

    public async Task<Totals> ComputeAsync(DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var tx = connection.BeginTransaction(deferred: true);
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var quarterStart = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var monthStart = new DateOnly(today.Year, today.Month, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var at = (long)Instant.ConvertToProvider(now)!;
        var lines = 0;

        SqliteCommand Command(string sql)
        {
            var c = connection.CreateCommand();
            c.Transaction = tx;
            c.CommandText = sql;
            c.Parameters.AddWithValue("$day", day);
            c.Parameters.AddWithValue("$now", at);
            c.Parameters.AddWithValue("$merged", (int)ChildStatus.Merged);
            c.Parameters.AddWithValue("$high", (int)RiskLevel.High);
            c.Parameters.AddWithValue("$pending", (int)ReferralStatus.Pending);
            c.Parameters.AddWithValue("$accepted", (int)ReferralStatus.Accepted);
            return c;
        }

        async Task<List<object[]>> RowsAsync(string sql, params (string Name, object Value)[] extra)
        {
            await using var c = Command(sql);
            foreach (var (name, value) in extra)
            {
                c.Parameters.AddWithValue(name, value);
            }
            var rows = new List<object[]>();
            await using var reader = await c.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var row = new object[reader.FieldCount];
                reader.GetValues(row);
                rows.Add(row);
            }
            return rows;
        }

        static int Int(object o) => Convert.ToInt32(o, CultureInfo.InvariantCulture);

        var sequence = (await RowsAsync("SELECT COALESCE(MAX(Sequence), 0) FROM BoardEvents"))[0][0] is long s ? s : 0;

        // The register by township: children on it today, and those at high or urgent risk.
        var register = await RowsAsync("""
            SELECT c.TownshipKey, COUNT(*), SUM(c.Risk >= $high) FROM Children c
            WHERE c.Status <> $merged AND (c.ClosedOn IS NULL OR c.ClosedOn > $day)
              AND EXISTS (SELECT 1 FROM ChildCategories e WHERE e.ChildId = c.Id AND e.EnrolledOn <= $day)
            GROUP BY c.TownshipKey
            """);
        var byCategory = await RowsAsync("""
            SELECT e.Category, COUNT(*) FROM ChildCategories e JOIN Children c ON c.Id = e.ChildId
            WHERE e.EnrolledOn <= $day AND c.Status <> $merged AND (c.ClosedOn IS NULL OR c.ClosedOn > $day)
            GROUP BY e.Category
            """);
        var quarter = await RowsAsync("SELECT Kind, COUNT(*) FROM Screenings WHERE Date >= $from AND Date <= $day GROUP BY Kind", ("$from", quarterStart));
        var month = await RowsAsync("SELECT COUNT(*) FROM Screenings WHERE Date >= $from AND Date <= $day", ("$from", monthStart));

        var agencies = await RowsAsync("SELECT Key, Name, NameEn, ScreeningKind FROM Agencies ORDER BY SortOrder");
        var referrals = await RowsAsync("""
            SELECT ToAgencyKey, SUM(Status = $pending), SUM(Status = $accepted),
                   SUM((Status = $pending AND AcceptDueAt < $now) OR (Status = $accepted AND CompleteDueAt < $now))
            FROM Referrals WHERE Status IN ($pending, $accepted) GROUP BY ToAgencyKey
            """);
        foreach (var agency in agencies.Where(a => a[3] is string))
        {
            lines += (await RowsAsync("""
                SELECT s.Id, s.ChildId, c.Name, s.Kind, s.Date, c.TownshipKey, s.Risk
                FROM Screenings s JOIN Children c ON c.Id = s.ChildId
                WHERE s.AgencyKey = $agency ORDER BY s.RecordedAt DESC, s.Id DESC LIMIT 8
                """, ("$agency", agency[0]))).Count;
        }
        lines += (await RowsAsync("""
            SELECT e.Sequence, e.Kind, e.AgencyKey, e.TownshipKey, e.OccurredAt, e.Detail, e.Risk, e.ChildId, c.Name
            FROM BoardEvents e LEFT JOIN Children c ON c.Id = e.ChildId
            ORDER BY e.Sequence DESC LIMIT 30
            """)).Count;
        var townships = await RowsAsync("SELECT Key, Name, NameEn FROM Townships ORDER BY SortOrder");

        const string Overdue = "((r.Status = $pending AND r.AcceptDueAt < $now) OR (r.Status = $accepted AND r.CompleteDueAt < $now))";
        var overdue = Int((await RowsAsync($"SELECT COUNT(*) FROM Referrals r WHERE {Overdue}"))[0][0]);
        if (overdue > 0)
        {
            lines += (await RowsAsync($"""
                SELECT r.Id, r.ChildId, c.Name, c.TownshipKey, r.FromAgencyKey, r.ToAgencyKey, r.Need, r.Urgency, r.Status, r.AcceptDueAt, r.CompleteDueAt
                FROM Referrals r JOIN Children c ON c.Id = r.ChildId
                WHERE {Overdue}
                ORDER BY CASE WHEN r.Status = $pending THEN r.AcceptDueAt ELSE r.CompleteDueAt END, r.Id LIMIT 20
                """)).Count;
        }
        await tx.CommitAsync(ct);
        _ = (byCategory, referrals, townships);
        return new Totals(sequence, register.Sum(r => Int(r[1])), register.Sum(r => Int(r[2])), Int(month[0][0]), quarter.Sum(r => Int(r[1])), overdue, lines);
    }
}
