namespace Coordination.Core.Screenings.Details;

/// <summary>常态化摸排 (civil affairs): guardianship, living conditions, categories confirmed, living-guarantee eligibility.</summary>
public sealed record HouseholdDetails(
    string? Guardianship,
    string? LivingConditions,
    IReadOnlyList<string>? ConfirmedCategories,
    bool? EligibleForLivingGuarantee) : ScreeningDetails
{
    public override ScreeningKind Kind => ScreeningKind.Household;

    public override void Check(string prefix, InputErrors errors)
    {
        if (string.IsNullOrWhiteSpace(Guardianship))
        {
            errors.Add(prefix + "guardianship", "Error.Guardianship.Required");
        }
        else if (!EnumKeys.TryParse<GuardianshipSituation>(Guardianship, out _))
        {
            errors.Add(prefix + "guardianship", "Error.Guardianship.Unknown");
        }
        if (string.IsNullOrWhiteSpace(LivingConditions))
        {
            errors.Add(prefix + "livingConditions", "Error.LivingConditions.Required");
        }
        else if (!EnumKeys.TryParse<LivingConditions>(LivingConditions, out _))
        {
            errors.Add(prefix + "livingConditions", "Error.LivingConditions.Unknown");
        }
        if (ConfirmedCategories is not null && ConfirmedCategories.Any(c => !EnumKeys.TryParse<ChildCategory>(c, out _)))
        {
            errors.Add(prefix + "confirmedCategories", "Error.Categories.Unknown");
        }
        if (EligibleForLivingGuarantee == true && ConfirmedCategories?.Contains(ChildCategory.DeFactoUnsupported.Key()) != true)
        {
            // The guarantee is for de-facto-unsupported children: eligibility without that finding is a contradiction.
            errors.Add(prefix + "eligibleForLivingGuarantee", "Error.LivingGuarantee.NeedsCategory");
        }
    }
}
