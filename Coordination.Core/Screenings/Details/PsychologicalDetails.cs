namespace Coordination.Core.Screenings.Details;

/// <summary>心灵微笑 psychological screening (women's federation): score 0–100, flags, group-counselling recommendation.</summary>
public sealed record PsychologicalDetails(int? Score, IReadOnlyList<string>? Flags, bool? GroupCounselling) : ScreeningDetails
{
    public const int MaxScore = 100;

    public override ScreeningKind Kind => ScreeningKind.Psychological;

    public override void Check(string prefix, InputErrors errors)
    {
        if (Score is null)
        {
            errors.Add(prefix + "score", "Error.Score.Required");
        }
        else if (Score is < 0 or > MaxScore)
        {
            errors.Add(prefix + "score", "Error.Score.Range");
        }
        if (Flags is not null && Flags.Any(f => !EnumKeys.TryParse<PsychologicalFlag>(f, out var flag) || flag == PsychologicalFlag.None))
        {
            errors.Add(prefix + "flags", "Error.Flags.Unknown");
        }
    }

    public static PsychologicalBand BandOf(int score) => score switch
    {
        >= 80 => PsychologicalBand.Crisis,
        >= 60 => PsychologicalBand.Warning,
        >= 40 => PsychologicalBand.Watch,
        _ => PsychologicalBand.Normal,
    };
}
