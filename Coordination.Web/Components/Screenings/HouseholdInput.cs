namespace Coordination.Web.Components.Screenings;

/// <summary>What the household-screening section holds while civil affairs fills it in.</summary>
[FormSection]
public sealed class HouseholdInput
{
    public string? Guardianship { get; set; }

    public string? LivingConditions { get; set; }

    public HashSet<string> ConfirmedCategories { get; } = [];

    public bool EligibleForLivingGuarantee { get; set; }
}
