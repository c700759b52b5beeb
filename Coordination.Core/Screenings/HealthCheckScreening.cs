using Coordination.Core.Screenings.Details;

namespace Coordination.Core.Screenings;

/// <summary>健康体检 — the health bureau's health check.</summary>
public sealed class HealthCheckScreening : Screening
{
    private HealthCheckScreening()
    {
    }

    internal HealthCheckScreening(HealthCheckDetails? details)
    {
        if (details is null)
        {
            return;
        }
        HeightCm = details.HeightCm;
        WeightKg = details.WeightKg;
        ChronicIllness = string.IsNullOrWhiteSpace(details.ChronicIllness) ? null : details.ChronicIllness.Trim();
        Disability = string.IsNullOrWhiteSpace(details.Disability) ? null : details.Disability.Trim();
        GreenChannelEligible = details.GreenChannelEligible ?? false;
    }

    public decimal? HeightCm { get; private set; }

    public decimal? WeightKg { get; private set; }

    public string? ChronicIllness { get; private set; }

    public string? Disability { get; private set; }

    /// <summary>绿色通道: priority diagnosis, admission and transfer for a seriously ill or disabled child.</summary>
    public bool GreenChannelEligible { get; private set; }
}
