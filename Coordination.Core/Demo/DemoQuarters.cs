using static Coordination.Core.Figures.IndicatorCatalogue;

namespace Coordination.Core.Demo;

/// <summary>
/// The demo's quarterly sign-off, done through the real service as the demo leads: the quarter before the last
/// finished one has its reported figures, all four submissions and the lock; the last finished quarter has its
/// reported figures and two agencies' submissions, so /figures shows both states on a fresh <c>dotnet run</c>.
/// </summary>
public static class DemoQuarters
{
    private static Actor Lead(string agency) => new(agency, agency + " 负责人（演示）", Role.Lead, From: "demo") { Account = $"lead@{agency}.demo" };

    private static readonly Dictionary<string, Dictionary<string, string?>> Reported = new(StringComparer.Ordinal)
    {
        ["civil-affairs"] = new() { [Donations] = "4800000.00", [Workstations] = "27", [ServiceStations] = "27" },
        ["womens-federation"] = new() { [ParentSchools] = "429", [Volunteers] = "1280" },
        ["health"] = new(),
        ["education"] = new() { [YouthPalaces] = "26" },
    };

    public static async Task SignOffAsync(FiguresSignOffService signOff, FiguresService figures, CancellationToken ct = default)
    {
        var last = figures.LastFinishedQuarter;
        var locked = last.Previous;
        foreach (var quarter in new[] { locked, last })
        {
            foreach (var (agency, values) in Reported)
            {
                await signOff.EnterReportedAsync(Lead(agency), quarter, agency, values, quarter == locked ? "（演示）本季度数据已核对。" : null, ct);
            }
        }
        foreach (var agency in AgencyOrder)
        {
            await signOff.SubmitAsync(Lead(agency), locked, agency, ct);
        }
        await signOff.LockAsync(Lead("civil-affairs"), locked, ct);
        await signOff.SubmitAsync(Lead("civil-affairs"), last, "civil-affairs", ct);
        await signOff.SubmitAsync(Lead("health"), last, "health", ct);
    }
}
