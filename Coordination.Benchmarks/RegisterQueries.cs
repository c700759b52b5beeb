using Coordination.Core.Children;

namespace Coordination.Benchmarks;

/// <summary>The filtered page queries the register benchmark times: the mixes a liaison actually uses.</summary>
internal static class RegisterQueries
{
    public static IReadOnlyList<(string Name, Func<Random, IReadOnlyList<string>, ChildQuery> Make)> All { get; } =
    [
        ("township, active, by risk", (r, t) => new ChildQuery(Township: t[r.Next(t.Count)])),
        ("category + min risk high", (r, _) => new ChildQuery(Category: ChildCategory.DeFactoUnsupported, MinRisk: RiskLevel.High)),
        ("name contains, page 3", (r, _) => new ChildQuery(Text: "陈" + "子欣宇涵晨"[r.Next(5)], Page: 3)),
        ("ID tail (6 digits)", (r, _) => new ChildQuery(Text: r.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture))),
        ("agency involved + township, by name", (r, t) => new ChildQuery(Township: t[r.Next(t.Count)], Agency: "health", Sort: ChildSort.Name, Descending: false)),
        ("everything active, page 40", (r, _) => new ChildQuery(Page: 40)),
    ];
}
