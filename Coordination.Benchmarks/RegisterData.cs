using Coordination.Core;
using Coordination.Core.Children;
using Coordination.Core.Data;
using Coordination.Core.Demo;
using Coordination.Core.Screenings;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Benchmarks;

/// <summary>
/// Fills a fresh register through the domain's own factories (so every row is one the app could have written):
/// children over all 27 areas with realistic categories and risks, and screenings of all four kinds.
/// </summary>
internal static class RegisterData
{
    private static readonly string[] Surnames = ["陈", "林", "黄", "张", "李", "王", "吴", "刘", "蔡", "杨", "郑", "许", "洪", "苏", "傅", "叶", "庄", "潘", "谢", "曾"];
    private static readonly string[] Given = ["子", "欣", "宇", "涵", "晨", "梓", "浩", "雨", "思", "嘉", "俊", "怡", "博", "可", "佳", "文", "睿", "雅", "明", "乐"];
    private static readonly (string Kind, string Agency)[] Kinds =
        [("household", "civil-affairs"), ("psychological", "womens-federation"), ("health-check", "health"), ("school-survey", "education")];
    private static readonly string[] Categories = ["left-behind", "in-difficulty", "de-facto-unsupported", "orphan", "low-income", "disabled", "seriously-ill"];
    private static readonly string[] Risks = ["none", "none", "none", "low", "low", "medium", "high", "urgent"];

    public static async Task<IReadOnlyList<Guid>> FillAsync(IDbContextFactory<CoordinationDbContext> factory, BoardClock clock, int children, int screenings, TextWriter log, CancellationToken ct)
    {
        var random = new Random(20_000);
        var today = clock.Today;
        var now = clock.Now;
        List<string> townships;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            townships = await db.Townships.OrderBy(t => t.SortOrder).Select(t => t.Key).ToListAsync(ct);
        }
        var ids = new List<Guid>(children);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var perChild = screenings / children;
        var extra = screenings % children;
        const int batch = 2_000;
        for (var start = 0; start < children; start += batch)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(children, start + batch); i++)
            {
                var birth = today.AddDays(-random.Next(365, 17 * 365));
                var sex = random.Next(2) == 0 ? Sex.F : Sex.M;
                var categories = Categories.Where((_, k) => random.Next(k == 0 ? 2 : 9) == 0).DefaultIfEmpty("left-behind").ToList();
                var child = Child.Register(
                    new NewChild(Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)] + Given[random.Next(Given.Length)],
                        sex.ToString(), birth, UniqueId(birth, sex, random, used), townships[i % townships.Count], categories,
                        new ChildDetails(GuardianPhone: "1380000" + random.Next(10000).ToString("0000", System.Globalization.CultureInfo.InvariantCulture))),
                    new Actor("civil-affairs", "bench"), today.AddDays(-random.Next(400)), now);
                db.Children.Add(child);
                ids.Add(child.Id);
                var count = perChild + (i < extra ? 1 : 0);
                var maxRisk = RiskLevel.None;
                for (var s = 0; s < count; s++)
                {
                    var (kind, agency) = Kinds[random.Next(Kinds.Length)];
                    var risk = Risks[random.Next(Risks.Length)];
                    var screening = Screening.Record(child,
                        new RecordScreening(kind, today.AddDays(-random.Next(Math.Min(720, today.DayNumber - birth.DayNumber))), child.Id, null, risk, [], "bench"),
                        new Actor(agency, "bench"), now);
                    db.Screenings.Add(screening);
                    maxRisk = (RiskLevel)Math.Max((int)maxRisk, (int)screening.Risk);
                }
                child.ApplyRisk(maxRisk, today);
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            log.Write($"\r  {Math.Min(children, start + batch):N0} / {children:N0} children written");
        }
        log.WriteLine();
        return ids;
    }

    private static string UniqueId(DateOnly birth, Sex sex, Random random, HashSet<string> used)
    {
        while (true)
        {
            var id = DemoData.MakeResidentId(birth, sex, random, used);
            if (id.Length == 18)
            {
                return id;
            }
        }
    }
}
