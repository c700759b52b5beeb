using System.Text;
using Coordination.Core.Children;
using Microsoft.Data.Sqlite;

namespace Coordination.Benchmarks;

/// <summary>
/// The same register reads written by hand on Microsoft.Data.Sqlite, as the floor the EF Core queries are
/// compared with: the same filters, order, page, count and the page's categories; the same profile reads.
/// </summary>
internal sealed class RawRegisterSql(string connectionString)
{
    public async Task<int> ListAsync(ChildQuery q, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        var where = new StringBuilder(q.Status is { } ? "c.Status = $status" : "c.Status <> 2");
        var parameters = new List<(string, object)>();
        if (q.Status is { } status)
        {
            parameters.Add(("$status", (int)status));
        }
        if (q.Township is { } township)
        {
            where.Append(" AND c.TownshipKey = $township");
            parameters.Add(("$township", township));
        }
        if (q.Category is { } category)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM ChildCategories e WHERE e.ChildId = c.Id AND e.Category = $category)");
            parameters.Add(("$category", (int)category));
        }
        if (q.MinRisk is { } risk)
        {
            where.Append(" AND c.Risk >= $risk");
            parameters.Add(("$risk", (int)risk));
        }
        if (q.Agency is { } agency)
        {
            where.Append(" AND (c.RegisteredBy = $agency OR EXISTS (SELECT 1 FROM Screenings s WHERE s.ChildId = c.Id AND s.AgencyKey = $agency) OR EXISTS (SELECT 1 FROM AssistanceRecords a WHERE a.ChildId = c.Id AND a.AgencyKey = $agency))");
            parameters.Add(("$agency", agency));
        }
        if (q.Text is { } text)
        {
            var isTail = text.Length is >= 4 and <= 18 && text.All(char.IsAsciiDigit);
            where.Append(isTail ? " AND c.ResidentId LIKE '%' || $text" : " AND instr(c.Name, $text) > 0");
            parameters.Add(("$text", text));
        }
        var order = q.Sort == ChildSort.Name
            ? (q.Descending ? "c.Name DESC, c.Id" : "c.Name, c.Id")
            : "c.Risk DESC, c.LastScreenedOn DESC, c.Id";

        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM Children c WHERE {where}";
        Bind(count, parameters);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);

        await using var page = connection.CreateCommand();
        page.CommandText = $"""
            SELECT c.Id, c.Name, c.ResidentId, c.Sex, c.BirthDate, c.TownshipKey, c.Risk, c.Status, c.LastScreenedOn,
                   (SELECT v.Name FROM Villages v WHERE v.Id = c.VillageId)
            FROM Children c WHERE {where} ORDER BY {order} LIMIT $size OFFSET $offset
            """;
        Bind(page, parameters);
        page.Parameters.AddWithValue("$size", q.PageSize);
        page.Parameters.AddWithValue("$offset", q.Page * q.PageSize);
        var ids = new List<string>();
        await using (var reader = await page.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                ids.Add(reader.GetString(0));
                _ = (reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4), reader.GetString(5), reader.GetInt32(6));
            }
        }
        if (ids.Count > 0)
        {
            await using var categories = connection.CreateCommand();
            categories.CommandText = $"SELECT ChildId, Category FROM ChildCategories WHERE ChildId IN ({string.Join(',', ids.Select((_, i) => "$c" + i))})";
            for (var i = 0; i < ids.Count; i++)
            {
                categories.Parameters.AddWithValue("$c" + i, ids[i]);
            }
            await using var reader = await categories.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                _ = (reader.GetString(0), reader.GetInt32(1));
            }
        }
        return total;
    }

    public async Task<int> ProfileAsync(Guid id, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        var key = id.ToString().ToUpperInvariant();
        var rows = 0;
        foreach (var sql in new[]
                 {
                     "SELECT * FROM Children WHERE Id = $id",
                     "SELECT * FROM ChildCategories WHERE ChildId = $id",
                     "SELECT v.Name FROM Villages v JOIN Children c ON c.VillageId = v.Id WHERE c.Id = $id",
                     "SELECT * FROM Screenings WHERE ChildId = $id ORDER BY Date DESC, RecordedAt DESC",
                     "SELECT * FROM AssistanceRecords WHERE ChildId = $id ORDER BY Date DESC",
                     "SELECT * FROM BoardEvents WHERE ChildId IN (SELECT Id FROM Children WHERE MergedIntoId = $id UNION SELECT $id) AND Kind NOT IN ('screening.recorded', 'assistance.recorded') ORDER BY Sequence DESC",
                 })
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            cmd.Parameters.AddWithValue("$id", key);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                rows++;
            }
        }
        return rows;
    }

    private static void Bind(SqliteCommand cmd, List<(string Name, object Value)> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }
    }
}
