namespace Coordination.Core.Figures;

/// <summary>The records behind one computed figure (children's names masked), at most <see cref="FigureRecordQueries.MaxLines"/>.</summary>
public sealed record FigureRecords(Quarter Quarter, string IndicatorKey, int Total, IReadOnlyList<FigureRecordLine> Lines);

/// <summary>One record behind a figure: when, whose child (masked), where, which agency, what (a kind key) and how much.</summary>
public sealed record FigureRecordLine(DateOnly Date, string MaskedChildName, string TownshipKey, string AgencyKey, string What, decimal Amount);
