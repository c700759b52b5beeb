using Coordination.Core.Children;
using Coordination.Core.Screenings;

namespace Coordination.Web.Components.Screenings;

/// <summary>What the recording form holds while a liaison fills it in.</summary>
public sealed class ScreeningForm
{
    public bool NewChild { get; set; }

    public ChildMatch? Child { get; set; }

    public string? Name { get; set; }

    public string? Sex { get; set; }

    public DateTime? BirthDate { get; set; }

    public string? ResidentId { get; set; }

    public string? Township { get; set; }

    public IReadOnlyCollection<string> Categories { get; set; } = [];

    public string? Kind { get; set; }

    public DateTime? Date { get; set; }

    public string? Risk { get; set; }

    public HashSet<string> Needs { get; } = [];

    public string? Findings { get; set; }

    public RecordScreening ToCommand() => new(
        Kind,
        Date is { } d ? DateOnly.FromDateTime(d) : null,
        NewChild ? null : Child?.Id,
        NewChild
            ? new Coordination.Core.Children.NewChild(Name, Sex, BirthDate is { } b ? DateOnly.FromDateTime(b) : null, ResidentId, Township, Categories.ToList())
            : null,
        Risk,
        Needs.ToList(),
        Findings);

    /// <summary>Clears what belongs to one screening, keeping the kind for the next one.</summary>
    public void ResetAfterSave(DateTime today)
    {
        NewChild = false;
        Child = null;
        Name = Sex = ResidentId = Township = Risk = Findings = null;
        BirthDate = null;
        Categories = [];
        Needs.Clear();
        Date = today;
    }
}
