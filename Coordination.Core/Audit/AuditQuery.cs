namespace Coordination.Core.Audit;

/// <summary>Filters for the audit page: who, what, which record, when.</summary>
public sealed record AuditQuery(string? Who = null, string? Action = null, string? SubjectId = null, DateOnly? From = null, DateOnly? To = null, int Page = 0, int PageSize = 50)
{
    /// <summary>The filters in one line (<c>who=…;action=…;from=2026-11-01</c>), as an export records them.</summary>
    public string Describe() => string.Join(';', new[]
        {
            ("who", Who?.Trim()), ("action", Action), ("object", SubjectId?.Trim()),
            ("from", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("to", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        }
        .Where(f => !string.IsNullOrWhiteSpace(f.Item2)).Select(f => f.Item1 + "=" + f.Item2));
}
