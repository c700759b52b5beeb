namespace Coordination.Web.Components.Screenings;

/// <summary>What the health-check section holds while the health bureau fills it in.</summary>
[FormSection]
public sealed class HealthCheckInput
{
    public decimal? HeightCm { get; set; }

    public decimal? WeightKg { get; set; }

    public string? ChronicIllness { get; set; }

    public string? Disability { get; set; }

    public bool GreenChannelEligible { get; set; }
}
