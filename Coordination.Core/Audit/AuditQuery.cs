namespace Coordination.Core.Audit;

/// <summary>Filters for the audit page: who, what, which record, when.</summary>
public sealed record AuditQuery(string? Who = null, string? Action = null, string? SubjectId = null, DateOnly? From = null, DateOnly? To = null, int Page = 0, int PageSize = 50);
