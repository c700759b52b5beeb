namespace Coordination.Web.Components.Screenings;

/// <summary>What the 心灵微笑 section holds while the women's federation fills it in.</summary>
[FormSection]
public sealed class PsychologicalInput
{
    public int? Score { get; set; }

    public HashSet<string> Flags { get; } = [];

    /// <summary>Null until the counsellor decides: the band's recommendation stands until then.</summary>
    public bool? GroupCounselling { get; set; }
}
