using Coordination.Core.Screenings.Details;

namespace Coordination.Core.Screenings;

/// <summary>常态化摸排 — civil affairs' routine household screening.</summary>
public sealed class HouseholdScreening : Screening
{
    private HouseholdScreening()
    {
    }

    internal HouseholdScreening(HouseholdDetails? details)
    {
        if (details is null)
        {
            return;
        }
        Guardianship = EnumKeys.TryParse<GuardianshipSituation>(details.Guardianship, out var g) ? g : null;
        LivingConditions = EnumKeys.TryParse<LivingConditions>(details.LivingConditions, out var l) ? l : null;
        ConfirmedCategories = string.Join(' ', (details.ConfirmedCategories ?? []).Distinct().Order(StringComparer.Ordinal));
        EligibleForLivingGuarantee = details.EligibleForLivingGuarantee ?? false;
    }

    public GuardianshipSituation? Guardianship { get; private set; }

    public LivingConditions? LivingConditions { get; private set; }

    /// <summary>The category keys the household visit confirmed, space-separated.</summary>
    public string ConfirmedCategories { get; private set; } = "";

    public bool EligibleForLivingGuarantee { get; private set; }

    public IEnumerable<ChildCategory> Confirmed =>
        ConfirmedCategories.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(k => EnumKeys.TryParse<ChildCategory>(k, out var c) ? c : (ChildCategory?)null)
            .OfType<ChildCategory>();

    /// <summary>Civil affairs confirms categories: the child is enrolled in each from the screening's date.</summary>
    protected override void ApplyTo(Child child)
    {
        foreach (var category in Confirmed)
        {
            child.Enrol(category, Date, AgencyKey);
        }
    }
}
