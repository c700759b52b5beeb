namespace Coordination.Core.Screenings.Details;

/// <summary>健康体检 (health bureau): height, weight, chronic illness, disability, green-channel eligibility.</summary>
public sealed record HealthCheckDetails(
    decimal? HeightCm,
    decimal? WeightKg,
    string? ChronicIllness,
    string? Disability,
    bool? GreenChannelEligible) : ScreeningDetails
{
    public const int TextMaxLength = 200;

    public override ScreeningKind Kind => ScreeningKind.HealthCheck;

    public override void Check(string prefix, InputErrors errors)
    {
        if (HeightCm is { } h && (h < 30 || h > 230))
        {
            errors.Add(prefix + "heightCm", "Error.Height.Range");
        }
        if (WeightKg is { } w && (w < 1 || w > 250))
        {
            errors.Add(prefix + "weightKg", "Error.Weight.Range");
        }
        Text(ChronicIllness, TextMaxLength, prefix + "chronicIllness", errors);
        Text(Disability, TextMaxLength, prefix + "disability", errors);
        if (GreenChannelEligible == true && string.IsNullOrWhiteSpace(ChronicIllness) && string.IsNullOrWhiteSpace(Disability))
        {
            // The green channel is for seriously ill or disabled children: say which.
            errors.Add(prefix + "greenChannelEligible", "Error.GreenChannel.NeedsCondition");
        }
    }
}
