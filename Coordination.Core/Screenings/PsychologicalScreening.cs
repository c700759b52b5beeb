using Coordination.Core.Screenings.Details;

namespace Coordination.Core.Screenings;

/// <summary>心灵微笑 — the women's federation's psychological screening.</summary>
public sealed class PsychologicalScreening : Screening
{
    private PsychologicalScreening()
    {
    }

    internal PsychologicalScreening(PsychologicalDetails? details)
    {
        if (details is null)
        {
            return;
        }
        Score = details.Score;
        foreach (var key in details.Flags ?? [])
        {
            if (EnumKeys.TryParse<PsychologicalFlag>(key, out var flag))
            {
                Flags |= flag;
            }
        }
        GroupCounselling = details.GroupCounselling ?? (Score is { } s && PsychologicalDetails.BandOf(s) >= PsychologicalBand.Warning);
    }

    public int? Score { get; private set; }

    public PsychologicalFlag Flags { get; private set; }

    public bool GroupCounselling { get; private set; }

    public PsychologicalBand? Band => Score is { } s ? PsychologicalDetails.BandOf(s) : null;
}
