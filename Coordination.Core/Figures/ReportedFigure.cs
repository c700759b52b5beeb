namespace Coordination.Core.Figures;

/// <summary>
/// 填报数 — one reported indicator of a quarter (social donations, stations, volunteers) or an agency's free-text
/// remark, entered by the agency's lead. Who entered it and when go into 指标说明.
/// </summary>
public sealed class ReportedFigure
{
    /// <summary>The key of an agency's free-text remark (not an indicator: it has no value, only text).</summary>
    public const string RemarkKey = "reported.remark";

    private ReportedFigure()
    {
    }

    public Quarter Quarter { get; private set; }

    public string AgencyKey { get; private set; } = "";

    /// <summary>An indicator key of <see cref="IndicatorCatalogue.Reported"/>, or <see cref="RemarkKey"/>.</summary>
    public string Key { get; private set; } = "";

    public decimal? Value { get; private set; }

    public string? Text { get; private set; }

    public DateTimeOffset EnteredAt { get; private set; }

    public string EnteredBy { get; private set; } = "";

    internal static ReportedFigure Of(Quarter quarter, string agencyKey, string key, Actor actor, DateTimeOffset now) => new()
    {
        Quarter = quarter,
        AgencyKey = agencyKey,
        Key = key,
        EnteredAt = now,
        EnteredBy = actor.Account ?? actor.Person,
    };

    /// <summary>Sets the value or text; false when it is what it was (nothing to write, nobody's name on it).</summary>
    internal bool Set(decimal? value, string? text, Actor actor, DateTimeOffset now)
    {
        if (value == Value && text == Text)
        {
            return false;
        }
        Value = value;
        Text = text;
        EnteredAt = now;
        EnteredBy = actor.Account ?? actor.Person;
        return true;
    }
}
