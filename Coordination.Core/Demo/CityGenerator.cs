namespace Coordination.Core.Demo;

/// <summary>What <see cref="CityGenerator"/> wrote.</summary>
public sealed record CityCounts(int Children, int Screenings, int Referrals, int AssistanceRecords, long Events);

/// <summary>Why <see cref="CityGenerator"/> would not touch a database.</summary>
public sealed class CityRefusedException(string code, string message) : Exception(message)
{
    /// <summary>A resource key for the console's message.</summary>
    public string Code { get; } = code;
}

/// <summary>
/// A clearly synthetic city for load and for a realistic first look (<c>seed-demo --children 20000 --years 2</c>):
/// children over the 27 areas roughly in proportion to their population, the register's category mix, screenings
/// of all four kinds over <c>years</c>, referrals in every state (some overdue), assistance of every kind, and the
/// board's event log for all of it, in time order. Every resident ID starts with <see cref="DemoData.SyntheticRegion"/>.
/// Deterministic for a seed (and a day); all in one transaction, so a failed run leaves nothing behind.
/// Refuses a database that has any child already.
/// </summary>
public static class CityGenerator
{
    /// <summary>
    /// Approximate resident population (thousands) of each area, from the city's published township figures, rounded:
    /// used only as weights. An area missing here weighs as a small town.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, int> PopulationWeights = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["ximei-jiedao"] = 150, ["liucheng-jiedao"] = 95, ["meilin-jiedao"] = 80, ["shengxin-zhen"] = 50,
        ["luncang-zhen"] = 60, ["dongtian-zhen"] = 40, ["yingdu-zhen"] = 45, ["xiangyun-zhen"] = 25,
        ["jintao-zhen"] = 55, ["shishan-zhen"] = 75, ["penghua-zhen"] = 25, ["matou-zhen"] = 60,
        ["jiudu-zhen"] = 20, ["lefeng-zhen"] = 30, ["luodong-zhen"] = 35, ["meishan-zhen"] = 55,
        ["honglai-zhen"] = 95, ["hongmei-zhen"] = 40, ["kangmei-zhen"] = 60, ["fengzhou-zhen"] = 50,
        ["xiamei-zhen"] = 70, ["guanqiao-zhen"] = 85, ["shijing-zhen"] = 95, ["shuitou-zhen"] = 140,
        ["meishan-xiang"] = 15, ["xiangyang-xiang"] = 15, ["xuefeng-kaifaqu"] = 10,
    };

    internal static readonly Dictionary<Need, string> ReceiverOf = new()
    {
        [Need.Psychological] = "womens-federation",
        [Need.Medical] = "health",
        [Need.Schooling] = "education",
        [Need.Living] = "civil-affairs",
        [Need.Safety] = "civil-affairs",
        [Need.Guardianship] = "civil-affairs",
    };

    private static readonly Actor Generator = new("civil-affairs", DemoData.DemoPerson, From: "demo");

    private const int Batch = 1_000;

    public static async Task<CityCounts> GenerateAsync(CoordinationDbContext db, BoardClock clock, int children, int years, int seed,
        IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(children, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(years, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(years, 10);
        await RefuseUnlessEmptyAsync(db, ct);

        var townships = await db.Townships.AsNoTracking().OrderBy(t => t.SortOrder).Select(t => t.Key).ToListAsync(ct);
        var weights = townships.Select(t => PopulationWeights.GetValueOrDefault(t, 20)).ToArray();
        var totalWeight = weights.Sum();
        var programmes = await db.Programmes.AsNoTracking().ToDictionaryAsync(p => p.Key, ct);
        var dueTimes = new ReferralDueTimes();
        var random = new Random(seed);
        var today = clock.Today;
        var now = clock.Now;
        var days = 365 * years;
        var events = new List<(DateTimeOffset At, BoardEvent Event)>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        int screenings = 0, referrals = 0, assistance = 0;

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var villages = townships.SelectMany(t => DemoData.VillageNames.Select(n => new Village(t, n))).ToList();
        db.Villages.AddRange(villages);
        await db.SaveAuditedAsync(Generator, now, ct);
        var villagesOf = villages.ToLookup(v => v.TownshipKey);

        for (var i = 0; i < children; i++)
        {
            var township = i < townships.Count ? townships[i] : townships[Pick(weights, totalWeight, random)];
            var birth = today.AddDays(-random.Next(3 * 365, 17 * 365));
            var sex = random.Next(2) == 0 ? Sex.F : Sex.M;
            var id = DemoData.MakeResidentId(birth, sex, random, used);
            var name = DemoData.Surnames[random.Next(DemoData.Surnames.Length)] + DemoData.GivenParts[random.Next(DemoData.GivenParts.Length)]
                + (random.Next(3) == 0 ? "" : DemoData.GivenParts[random.Next(DemoData.GivenParts.Length)]);
            // About two screenings a year per child, of any kind, over the whole span.
            var screeningDates = Enumerable.Range(0, 1 + random.Next(2 * years + 1))
                .Select(_ => today.AddDays(-random.Next(0, days)))
                .Order()
                .ToList();
            var registeredOn = screeningDates[0];
            var first = DemoData.Kinds[random.Next(DemoData.Kinds.Length)];
            var registrar = new Actor(first.Agency, DemoData.DemoPerson);
            var registeredAt = DemoData.At(registeredOn, random, now);
            var categories = DemoData.PickCategories(random);
            var village = random.Next(5) == 0 ? null : villagesOf[township].ElementAt(random.Next(DemoData.VillageNames.Length));
            var age = today.Year - birth.Year;
            var details = new ChildDetails(
                village?.Name,
                age >= 6 ? DemoData.SchoolFor(age, random) : null,
                age >= 6 ? DemoData.GradeFor(age) : null,
                DemoData.Surnames[random.Next(DemoData.Surnames.Length)] + "某某",
                DemoData.PickRelation(random).Key(),
                categories.Contains(ChildCategory.DeFactoUnsupported.Key()) && random.Next(3) == 0 ? null : "1380000" + random.Next(10000).ToString("0000", System.Globalization.CultureInfo.InvariantCulture),
                DemoData.WorkPlaces[random.Next(DemoData.WorkPlaces.Length)]);
            var child = Child.Register(new NewChild(name, sex.ToString(), birth, id, township, categories, details), registrar, registeredOn, registeredAt, village?.Id);
            db.Children.Add(child);
            events.Add((registeredAt, BoardEvent.ChildRegistered(child, registrar, registeredAt)));

            var childScreenings = new List<Screening>();
            foreach (var date in screeningDates)
            {
                var (kind, agency) = date == registeredOn ? first : DemoData.Kinds[random.Next(DemoData.Kinds.Length)];
                var found = DemoData.DetailsFor(kind, child, random);
                var (risk, needs, findings) = DemoData.Outcome(kind, found, random);
                var at = DemoData.Max(DemoData.At(date, random, now), registeredAt);
                var screening = Screening.Record(child, new RecordScreening(kind.Key(), date, child.Id, null, risk.Key(), needs, findings, found), new Actor(agency, DemoData.DemoPerson), at);
                db.Screenings.Add(screening);
                childScreenings.Add(screening);
                screenings++;
                events.Add((at, BoardEvent.ScreeningRecorded(screening, child, at)));

                // A screening that finds a need sends it on now and then: referrals in every state.
                if (needs.Count > 0 && risk >= RiskLevel.Medium && random.Next(3) == 0)
                {
                    EnumKeys.TryParse<Need>(needs[0], out var need);
                    var referral = MakeReferral(child, screening, agency, need, dueTimes, now, random, events);
                    if (referral is not null)
                    {
                        db.Referrals.Add(referral);
                        referrals++;
                    }
                }
            }
            RiskRules.Replay(child, childScreenings, today);

            foreach (var (record, at) in DemoData.AssistanceFor(child, programmes, registeredAt, today, now, random))
            {
                db.AssistanceRecords.Add(record);
                assistance++;
                events.Add((at, BoardEvent.AssistanceRecorded(record, child, at)));
            }

            // The health bureau's green channel for a seriously ill or disabled child, now and then.
            if ((child.IsIn(ChildCategory.SeriouslyIll) || child.IsIn(ChildCategory.Disabled)) && random.Next(2) == 0)
            {
                var on = DemoData.Max(DemoData.At(registeredOn.AddDays(random.Next(0, 30)), random, now), registeredAt);
                var record = Assistance.AssistanceRecord.Record(child.Id,
                    new Assistance.RecordAssistance(child.Id, "green-channel", null, DateOnly.FromDateTime(on.UtcDateTime), 1, null, "演示绿色通道"),
                    new Actor("health", DemoData.DemoPerson), on);
                db.AssistanceRecords.Add(record);
                assistance++;
                events.Add((on, BoardEvent.AssistanceRecorded(record, child, on)));
            }

            if ((i + 1) % Batch == 0 || i + 1 == children)
            {
                await db.SaveAuditedAsync(Generator, now, ct);
                db.ChangeTracker.Clear();
                progress?.Report(i + 1);
            }
        }

        // The event log in time order, numbered from the first free sequence.
        var last = await db.BoardEvents.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
        var ordered = events.OrderBy(e => e.At).Select(e => e.Event).ToList();
        for (var start = 0; start < ordered.Count; start += 5 * Batch)
        {
            foreach (var e in ordered.Skip(start).Take(5 * Batch))
            {
                e.AssignSequence(++last);
                db.BoardEvents.Add(e);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await tx.CommitAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return new CityCounts(children, screenings, referrals, assistance, ordered.Count);
    }

    /// <summary>Refuses any database with children: real ones above all, and a city already generated.</summary>
    public static async Task RefuseUnlessEmptyAsync(CoordinationDbContext db, CancellationToken ct = default)
    {
        if (await db.Children.AnyAsync(c => !c.ResidentId.StartsWith(DemoData.SyntheticRegion), ct))
        {
            throw new CityRefusedException("Cli.SeedDemo.RealChildren", "This database holds real children: demo data is never mixed into a real register.");
        }
        if (await db.Children.AnyAsync(ct))
        {
            throw new CityRefusedException("Cli.SeedDemo.NotEmpty", "This database already holds demo children: seed a new file.");
        }
    }

    private static int Pick(int[] weights, int total, Random random)
    {
        var r = random.Next(total);
        for (var k = 0; k < weights.Length; k++)
        {
            r -= weights[k];
            if (r < 0)
            {
                return k;
            }
        }
        return weights.Length - 1;
    }

    internal static Referral? MakeReferral(Child child, Screening screening, string senderAgency, Need need, ReferralDueTimes dueTimes,
        DateTimeOffset now, Random random, List<(DateTimeOffset At, BoardEvent Event)> events)
    {
        var to = ReceiverOf[need];
        if (to == senderAgency)
        {
            // The sender's own need is its own work; it asks another agency for support instead.
            to = senderAgency == "civil-affairs" ? "womens-federation" : "civil-affairs";
        }
        var urgency = screening.Risk >= RiskLevel.High ? ReferralUrgency.Urgent : random.Next(2) == 0 ? ReferralUrgency.High : ReferralUrgency.Normal;
        var due = dueTimes.For(urgency);
        var sender = new Actor(senderAgency, DemoData.DemoPerson);
        var receiver = new Actor(to, DemoData.DemoPerson);
        var sentAt = screening.RecordedAt.AddMinutes(random.Next(5, 90));
        if (sentAt > now)
        {
            return null;
        }
        var referral = Referral.Create(child.Id, sender, to, need, urgency, "演示转介", due, sentAt);
        events.Add((sentAt, BoardEvent.ReferralChanged(BoardEventKinds.ReferralCreated, referral, senderAgency, child.TownshipKey, sentAt)));
        var age = now - sentAt;
        DateTimeOffset Within(TimeSpan span) => sentAt + TimeSpan.FromMinutes(random.Next(1, Math.Max(2, (int)Math.Min(span.TotalMinutes, age.TotalMinutes))));
        var fate = random.Next(20);
        if (fate < 3)
        {
            // Still pending: overdue once past its acceptance time.
        }
        else if (fate < 5)
        {
            var at = Within(due.Accept);
            referral.Decline(receiver, "不属于本单位职责范围（演示）", null, at);
            events.Add((at, BoardEvent.ReferralChanged(BoardEventKinds.ReferralDeclined, referral, to, child.TownshipKey, at)));
        }
        else if (fate < 6)
        {
            var at = Within(due.Accept);
            referral.Withdraw(sender, "情况已变化（演示）", at);
            events.Add((at, BoardEvent.ReferralChanged(BoardEventKinds.ReferralWithdrawn, referral, senderAgency, child.TownshipKey, at)));
        }
        else
        {
            var accepted = Within(due.Accept);
            referral.Accept(receiver, accepted);
            events.Add((accepted, BoardEvent.ReferralChanged(BoardEventKinds.ReferralAccepted, referral, to, child.TownshipKey, accepted)));
            if (fate >= 9 && now - accepted > TimeSpan.FromHours(2))
            {
                var done = accepted + TimeSpan.FromMinutes(random.Next(60, Math.Max(61, (int)Math.Min((due.Complete * 1.2).TotalMinutes, (now - accepted).TotalMinutes))));
                referral.Complete(receiver, "已落实帮扶（演示）", done);
                events.Add((done, BoardEvent.ReferralChanged(BoardEventKinds.ReferralCompleted, referral, to, child.TownshipKey, done)));
            }
        }
        if (referral.MarkOverdue(now) is { } stage)
        {
            events.Add((now, BoardEvent.ReferralChanged(BoardEventKinds.ReferralOverdue, referral, to, child.TownshipKey, now,
                stage == ReferralAction.AcceptanceOverdue ? ReferralEventDetail.AcceptanceStage : ReferralEventDetail.CompletionStage)));
        }
        return referral;
    }
}
