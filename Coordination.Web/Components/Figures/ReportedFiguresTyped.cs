namespace Coordination.Web.Components.Figures;

/// <summary>What a lead typed into the reported-figures form: each field's text (empty clears it) and the remark.</summary>
public sealed record ReportedFiguresTyped(IReadOnlyDictionary<string, string?> Values, string Remark);
