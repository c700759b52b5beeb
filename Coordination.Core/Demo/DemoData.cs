using System.Globalization;

namespace Coordination.Core.Demo;

/// <summary>
/// A clearly synthetic demo register for a newcomer's first look (Development only, never Production):
/// children spread over all 27 areas, screenings of all four kinds over the last four quarters, referrals in every
/// state (some overdue, some sent today and waiting in an inbox) and assistance of every kind. Every
/// resident ID starts with the region code 999999, which no real area has.
/// </summary>
public static class DemoData
{
    public const string SyntheticRegion = "999999";
    public const string DemoPerson = "演示联络员";

    internal static readonly string[] Surnames = ["陈", "林", "黄", "张", "李", "王", "吴", "刘", "蔡", "杨", "郑", "许", "洪", "苏", "傅", "叶", "庄", "潘", "谢", "曾"];
    internal static readonly string[] GivenParts = ["子", "欣", "宇", "涵", "晨", "梓", "浩", "雨", "思", "嘉", "俊", "怡", "博", "可", "佳", "文", "睿", "雅", "明", "乐", "安", "航", "琪", "轩"];
    internal static readonly (ScreeningKind Kind, string Agency)[] Kinds =
    [
        (ScreeningKind.Household, "civil-affairs"),
        (ScreeningKind.Psychological, "womens-federation"),
        (ScreeningKind.HealthCheck, "health"),
        (ScreeningKind.SchoolSurvey, "education"),
    ];
    internal static readonly Dictionary<ScreeningKind, string[]> Findings = new()
    {
        [ScreeningKind.Household] = ["父母均在外务工，由祖父母照料，居住条件一般。", "监护人年迈，家庭收入依赖低保。", "房屋老旧，建议纳入希望小屋改造。", "监护落实，生活基本有保障。"],
        [ScreeningKind.Psychological] = ["心灵微笑筛查得分偏高，情绪低落，建议团体辅导。", "与父母通话少，有孤独感。", "筛查结果正常。", "存在睡眠问题，建议跟踪关注。"],
        [ScreeningKind.HealthCheck] = ["体检未见异常。", "营养不良，建议膳食干预。", "视力下降，建议复查。", "慢性病需定期随访，符合绿色通道条件。"],
        [ScreeningKind.SchoolSurvey] = ["在校表现良好，已发放家校联系卡。", "近期缺勤较多，需家访。", "学习成绩下滑，性格内向。", "五个清楚已建档。"],
    };

    /// <summary>Fills an empty register; does nothing when any child exists. Returns the children made.</summary>
    public static async Task<int> SeedAsync(CoordinationDbContext db, BoardClock clock, int children = 320, int seed = 2026, CancellationToken ct = default)
    {
        if (await db.Children.AnyAsync(ct))
        {
            return 0;
        }
        var townships = await db.Townships.AsNoTracking().OrderBy(t => t.SortOrder).Select(t => t.Key).ToListAsync(ct);
        // Synthetic villages: three per township, named so nobody mistakes them for real ones.
        var villages = townships.SelectMany(t => VillageNames.Select(n => new Village(t, n))).ToList();
        db.Villages.AddRange(villages);
        await db.SaveChangesAsync(ct);
        var villagesOf = villages.ToLookup(v => v.TownshipKey);
        var programmes = await db.Programmes.AsNoTracking().ToDictionaryAsync(p => p.Key, ct);
        var random = new Random(seed);
        var today = clock.Today;
        var now = clock.Now;
        var events = new List<(DateTimeOffset At, BoardEvent Event)>();
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        var dueTimes = new ReferralDueTimes();
        var lastScreenings = new List<(Child Child, Screening Screening)>();

        for (var i = 0; i < children; i++)
        {
            // Every area gets children: the first pass goes round all 27, then at random.
            var township = i < townships.Count ? townships[i] : townships[random.Next(townships.Count)];
            var birth = today.AddDays(-random.Next(3 * 365, 17 * 365));
            var sex = random.Next(2) == 0 ? Sex.F : Sex.M;
            var id = MakeResidentId(birth, sex, random, usedIds);
            var name = Surnames[random.Next(Surnames.Length)] + GivenParts[random.Next(GivenParts.Length)]
                + (random.Next(3) == 0 ? "" : GivenParts[random.Next(GivenParts.Length)]);
            var screeningDates = Enumerable.Range(0, 1 + random.Next(5))
                .Select(_ => today.AddDays(-random.Next(0, 365)))
                .Order()
                .ToList();
            var registeredOn = screeningDates[0];
            var first = Kinds[random.Next(Kinds.Length)];
            var registrar = new Actor(first.Agency, DemoPerson);
            var registeredAt = At(registeredOn, random, now);
            var categories = PickCategories(random);
            var village = random.Next(5) == 0 ? null : villagesOf[township].ElementAt(random.Next(VillageNames.Length));
            var age = today.Year - birth.Year;
            var details = new ChildDetails(
                village?.Name,
                age >= 6 ? SchoolFor(age, random) : null,
                age >= 6 ? GradeFor(age) : null,
                Surnames[random.Next(Surnames.Length)] + "某某",
                PickRelation(random).Key(),
                // A few unsupported children have no reachable guardian: the risk rules must see them.
                categories.Contains(ChildCategory.DeFactoUnsupported.Key()) && random.Next(3) == 0 ? null : "1380000" + random.Next(10000).ToString("0000", CultureInfo.InvariantCulture),
                WorkPlaces[random.Next(WorkPlaces.Length)]);
            var child = Child.Register(
                new NewChild(name, sex.ToString(), birth, id, township, categories, details),
                registrar, registeredOn, registeredAt, village?.Id);
            db.Children.Add(child);
            events.Add((registeredAt, BoardEvent.ChildRegistered(child, registrar, registeredAt)));

            var childScreenings = new List<Screening>();
            foreach (var date in screeningDates)
            {
                var (kind, agency) = date == registeredOn ? first : Kinds[random.Next(Kinds.Length)];
                var found = DetailsFor(kind, child, random);
                var (risk, needs, findings) = Outcome(kind, found, random);
                // Never before the child was registered: the log must show registration first.
                var at = Max(At(date, random, now), registeredAt);
                var screening = Screening.Record(child,
                    new RecordScreening(kind.Key(), date, child.Id, null, risk.Key(), needs, findings, found),
                    new Actor(agency, DemoPerson), at);
                db.Screenings.Add(screening);
                childScreenings.Add(screening);
                events.Add((at, BoardEvent.ScreeningRecorded(screening, child, at)));

                // A screening that finds a need sends it on now and then, as the city generator does.
                if (needs.Count > 0 && risk >= RiskLevel.Medium && random.Next(3) == 0
                    && EnumKeys.TryParse<Need>(needs[0], out var need)
                    && CityGenerator.MakeReferral(child, screening, agency, need, dueTimes, now, random, events) is { } referral)
                {
                    db.Referrals.Add(referral);
                }
            }
            RiskRules.Replay(child, childScreenings, today);
            lastScreenings.Add((child, childScreenings[^1]));

            foreach (var (record, at) in AssistanceFor(child, programmes, registeredAt, today, now, random))
            {
                db.AssistanceRecords.Add(record);
                events.Add((at, BoardEvent.AssistanceRecorded(record, child, at)));
            }
        }
        foreach (var referral in FreshReferrals(lastScreenings, dueTimes, now, random, events))
        {
            db.Referrals.Add(referral);
        }
        await db.SaveWithEventsAsync(events.OrderBy(e => e.At).Select(e => e.Event).ToList(), new Actor("civil-affairs", DemoPerson, From: "demo"), now, ct);
        return children;
    }

    /// <summary>
    /// A dozen referrals sent in the last hours, so that a newcomer's inboxes hold work that is waiting and not yet late:
    /// two waiting in each agency's inbox, and one more each already accepted.
    /// </summary>
    private static IEnumerable<Referral> FreshReferrals(List<(Child Child, Screening Screening)> last, ReferralDueTimes dueTimes,
        DateTimeOffset now, Random random, List<(DateTimeOffset At, BoardEvent Event)> events)
    {
        string[] agencies = ["civil-affairs", "womens-federation", "health", "education"];
        Need[] needs = [Need.Living, Need.Psychological, Need.Medical, Need.Schooling];
        for (var i = 0; i < 12 && last.Count > 0; i++)
        {
            var (child, screening) = last[random.Next(last.Count)];
            var to = agencies[i % agencies.Length];
            var from = screening.AgencyKey == to ? agencies[(i + 1) % agencies.Length] : screening.AgencyKey;
            var urgency = i % 3 == 0 ? ReferralUrgency.High : ReferralUrgency.Normal;
            var sentAt = Max(now.AddMinutes(-random.Next(20, 8 * 60)), screening.RecordedAt);
            var referral = Referral.Create(child.Id, new Actor(from, DemoPerson), to, needs[i % needs.Length], urgency, "演示转介：请协助跟进", dueTimes.For(urgency), sentAt);
            events.Add((sentAt, BoardEvent.ReferralChanged(BoardEventKinds.ReferralCreated, referral, from, child.TownshipKey, sentAt)));
            if (i >= 8)
            {
                var accepted = sentAt + (now - sentAt) / 2;
                referral.Accept(new Actor(to, DemoPerson), accepted);
                events.Add((accepted, BoardEvent.ReferralChanged(BoardEventKinds.ReferralAccepted, referral, to, child.TownshipKey, accepted)));
            }
            yield return referral;
        }
    }

    /// <summary>
    /// What a demo screening found: a risk, needs and findings at random, except that a psychological screening's
    /// assessment follows its score, so that a synthetic register still reads sensibly.
    /// </summary>
    internal static (RiskLevel Risk, List<string> Needs, string Findings) Outcome(ScreeningKind kind, Screenings.Details.ScreeningDetails found, Random random)
    {
        var risk = PickRisk(random);
        var needs = NeedSet.Each.Where(_ => random.Next(6) == 0).Select(n => n.Key()).ToList();
        var findings = Findings[kind][random.Next(Findings[kind].Length)];
        if (found is not Screenings.Details.PsychologicalDetails { Score: { } score })
        {
            return (risk, needs, findings);
        }
        var band = Screenings.Details.PsychologicalDetails.BandOf(score);
        risk = band switch
        {
            PsychologicalBand.Crisis => RiskLevel.High,
            PsychologicalBand.Warning => RiskLevel.Medium,
            PsychologicalBand.Watch => RiskLevel.Low,
            _ => RiskLevel.None,
        };
        findings = band >= PsychologicalBand.Warning ? "心灵微笑筛查得分偏高，情绪低落，建议团体辅导。" : band == PsychologicalBand.Watch ? "存在睡眠问题，建议跟踪关注。" : "筛查结果正常。";
        return (risk, band >= PsychologicalBand.Warning ? ["psychological"] : [], findings);
    }

    internal static readonly string[] VillageNames = ["演示一村", "演示二村", "演示社区"];
    internal static readonly string[] WorkPlaces = ["厦门", "泉州晋江", "广东东莞", "上海", "浙江义乌", "福州", "深圳", "本市"];
    internal static readonly string[] Flags = ["loneliness", "withdrawal", "anxiety", "bullying", "depression"];

    internal static GuardianRelation PickRelation(Random random) => random.Next(20) switch
    {
        < 12 => GuardianRelation.Grandparent,
        < 17 => GuardianRelation.Parent,
        < 19 => GuardianRelation.Relative,
        _ => GuardianRelation.Other,
    };

    internal static string SchoolFor(int age, Random random) =>
        age <= 12 ? $"演示第{random.Next(1, 9)}小学" : age <= 15 ? $"演示第{random.Next(1, 5)}中学" : "演示高级中学";

    internal static string GradeFor(int age) => age switch
    {
        <= 12 => $"{Math.Max(1, age - 6)}年级",
        <= 15 => $"初{age - 12}",
        _ => $"高{Math.Min(3, age - 15)}",
    };

    internal static Screenings.Details.ScreeningDetails DetailsFor(ScreeningKind kind, Child child, Random random)
    {
        switch (kind)
        {
            case ScreeningKind.Household:
                var guardianship = random.Next(50) switch { < 36 => GuardianshipSituation.Adequate, < 47 => GuardianshipSituation.Weak, _ => GuardianshipSituation.Absent };
                var living = random.Next(50) switch { < 25 => LivingConditions.Good, < 44 => LivingConditions.Fair, _ => LivingConditions.Poor };
                var confirmed = child.Categories.Select(c => c.Category.Key()).ToList();
                return new Screenings.Details.HouseholdDetails(guardianship.Key(), living.Key(), confirmed, confirmed.Contains(ChildCategory.DeFactoUnsupported.Key()));
            case ScreeningKind.Psychological:
                var score = Math.Clamp((int)(random.NextDouble() * random.NextDouble() * 100) + random.Next(10), 0, 100);
                var flags = score >= 40 ? Flags.Where(_ => random.Next(4) == 0).ToList() : [];
                if (score >= 85 && random.Next(3) == 0)
                {
                    flags.Add("self-harm");
                }
                return new Screenings.Details.PsychologicalDetails(score, flags, null);
            case ScreeningKind.HealthCheck:
                var age = child.BirthDate.Year;
                var years = Math.Max(3, DateTime.UtcNow.Year - age);
                var ill = child.IsIn(ChildCategory.SeriouslyIll) ? "慢性肾病（演示）" : null;
                var disabled = child.IsIn(ChildCategory.Disabled) ? "肢体残疾（演示）" : null;
                return new Screenings.Details.HealthCheckDetails(
                    Math.Round(75m + years * 6m + random.Next(-8, 9), 1),
                    Math.Round(10m + years * 2.6m + random.Next(-4, 5), 1),
                    ill, disabled, ill is not null || disabled is not null);
            default:
                var concern = random.Next(8) == 0;
                var clears = new FiveClears("家中三口，父母在外务工（演示）", "内向，话少", "画画、篮球", "良好", "祖父 138****（演示）");
                return new Screenings.Details.SchoolSurveyDetails(
                    child.School ?? "演示第1小学", child.Grade ?? "1年级", clears, random.Next(10) < 7, concern, concern ? "近一个月缺勤 5 天（演示）" : null);
        }
    }

    internal static IEnumerable<(AssistanceRecord Record, DateTimeOffset At)> AssistanceFor(
        Child child, IReadOnlyDictionary<string, Programme> programmes, DateTimeOffset registeredAt, DateOnly today, DateTimeOffset now, Random random)
    {
        (string Kind, string? Programme, string Agency, int? Count, decimal? Amount)? Pick() => random.Next(14) switch
        {
            0 => ("hope-cabin", "hope-cabins-2026", "civil-affairs", 1, null),
            1 or 2 => ("micro-wish", "micro-wishes-2026", "civil-affairs", 1, null),
            3 or 4 => ("saturday-class", "saturday-classes-2026", "civil-affairs", random.Next(2, 12), null),
            5 => ("golden-autumn-aid", "golden-autumn-2026", "civil-affairs", null, random.Next(8, 30) * 100m + 50m),
            6 => ("counselling", null, "womens-federation", random.Next(1, 5), null),
            7 => ("home-visit", null, "civil-affairs", 1, null),
            8 => ("pairing", null, "womens-federation", 1, null),
            9 => ("insurance-reduction", null, "health", null, random.Next(100, 900) + 0.5m),
            _ => null,
        };
        var registeredOn = DateOnly.FromDateTime(registeredAt.UtcDateTime);
        for (var i = random.Next(3); i > 0; i--)
        {
            if (Pick() is not { } pick)
            {
                continue;
            }
            var programme = pick.Programme is null ? null : programmes.GetValueOrDefault(pick.Programme);
            var from = new[] { registeredOn, programme?.StartsOn ?? registeredOn }.Max();
            if (from > today)
            {
                continue;
            }
            var date = from.AddDays(random.Next(0, Math.Max(1, today.DayNumber - from.DayNumber + 1)));
            var at = Max(At(date, random, now), registeredAt);
            var record = AssistanceRecord.Record(child.Id,
                new RecordAssistance(child.Id, pick.Kind, pick.Programme, date, pick.Count, pick.Amount, "演示帮扶记录"),
                new Actor(pick.Agency, DemoPerson), at);
            yield return (record, at);
        }
    }

    internal static DateTimeOffset At(DateOnly date, Random random, DateTimeOffset now)
    {
        // Working hours in China Standard Time: 08:30 to 17:30.
        var local = new DateTimeOffset(date.ToDateTime(new TimeOnly(8, 30)), TimeSpan.FromHours(8)).AddMinutes(random.Next(9 * 60));
        var at = local.ToUniversalTime();
        return at > now ? now.AddMinutes(-random.Next(1, 120)) : at;
    }

    internal static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    internal static List<string> PickCategories(Random random)
    {
        var picks = new List<ChildCategory>();
        if (random.NextDouble() < 0.70) picks.Add(ChildCategory.LeftBehind);
        if (random.NextDouble() < 0.20) picks.Add(ChildCategory.InDifficulty);
        if (random.NextDouble() < 0.15) picks.Add(ChildCategory.LowIncome);
        if (random.NextDouble() < 0.08) picks.Add(ChildCategory.DeFactoUnsupported);
        if (random.NextDouble() < 0.03) picks.Add(ChildCategory.Orphan);
        if (random.NextDouble() < 0.05) picks.Add(ChildCategory.Disabled);
        if (random.NextDouble() < 0.04) picks.Add(ChildCategory.SeriouslyIll);
        if (picks.Count == 0) picks.Add(ChildCategory.InDifficulty);
        return picks.Select(c => c.Key()).ToList();
    }

    internal static RiskLevel PickRisk(Random random) => random.NextDouble() switch
    {
        < 0.40 => RiskLevel.None,
        < 0.70 => RiskLevel.Low,
        < 0.88 => RiskLevel.Medium,
        < 0.97 => RiskLevel.High,
        _ => RiskLevel.Urgent,
    };

    /// <summary>A resident ID that passes the GB 11643 check but names no real area.</summary>
    public static string MakeResidentId(DateOnly birth, Sex sex, Random random, ISet<string> used)
    {
        while (true)
        {
            var order = random.Next(0, 500) * 2 + (sex == Sex.M ? 1 : 0);
            var first17 = SyntheticRegion + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + order.ToString("000", CultureInfo.InvariantCulture);
            var id = first17 + ResidentId.CheckCharacter(first17);
            if (used.Add(id))
            {
                return id;
            }
        }
    }
}
