using Coordination.Core;
using Coordination.Core.Assistance;
using Coordination.Core.Children;
using Coordination.Core.Demo;
using Coordination.Core.Referrals;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Tests.Durability;

/// <summary>The city generator behind <c>seed-demo</c>: deterministic, realistic, clearly synthetic, and never mixed into a real register.</summary>
public sealed class CityGeneratorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly BoardClock Clock = new(TimeProvider.System, BoardClock.ChinaStandardTime);

    private static async Task<List<string>> ChildrenInOrderAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return (await db.Children.AsNoTracking().Select(c => new { c.ResidentId, c.Name, c.TownshipKey, c.Risk }).ToListAsync(Ct))
            .OrderBy(c => c.ResidentId, StringComparer.Ordinal).Select(c => $"{c.ResidentId} {c.Name} {c.TownshipKey} {c.Risk}").ToList();
    }

    [Fact]
    public async Task Two_runs_with_the_same_seed_write_the_same_counts_and_the_same_children_and_another_seed_does_not()
    {
        await using var one = await TestDatabase.CreateAsync(Ct);
        await using var two = await TestDatabase.CreateAsync(Ct);
        await using var other = await TestDatabase.CreateAsync(Ct);

        CityCounts a, b, c;
        await using (var db = one.CreateDbContext()) a = await CityGenerator.GenerateAsync(db, Clock, 600, 2, seed: 7, ct: Ct);
        await using (var db = two.CreateDbContext()) b = await CityGenerator.GenerateAsync(db, Clock, 600, 2, seed: 7, ct: Ct);
        await using (var db = other.CreateDbContext()) c = await CityGenerator.GenerateAsync(db, Clock, 600, 2, seed: 8, ct: Ct);

        Assert.Equal(a, b);
        Assert.Equal(await one.CountRowsAsync(Ct), await two.CountRowsAsync(Ct));
        var first = await ChildrenInOrderAsync(one);
        Assert.Equal(first, await ChildrenInOrderAsync(two));
        Assert.Equal(600, first.Count);
        Assert.NotEqual(first[0], (await ChildrenInOrderAsync(other))[0]);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public async Task A_generated_city_is_synthetic_spread_by_population_and_has_every_kind_of_record_in_every_state()
    {
        await using var database = await TestDatabase.CreateAsync(Ct);
        CityCounts counts;
        await using (var db = database.CreateDbContext()) counts = await CityGenerator.GenerateAsync(db, Clock, 1500, 2, seed: 7, ct: Ct);

        await using var read = database.CreateDbContext();
        Assert.Equal(1500, await read.Children.CountAsync(Ct));
        Assert.All(await read.Children.Select(c => c.ResidentId).ToListAsync(Ct), id => Assert.StartsWith(DemoData.SyntheticRegion, id, StringComparison.Ordinal));
        var perTownship = (await read.Children.GroupBy(c => c.TownshipKey).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(Ct)).ToDictionary(x => x.Key, x => x.Count);
        Assert.Equal(27, perTownship.Count);
        Assert.True(perTownship["ximei-jiedao"] > 4 * perTownship["xuefeng-kaifaqu"], "a city subdistrict has many more children than a small development zone");
        Assert.Equal(Enum.GetValues<ScreeningKind>().Order(), (await read.Screenings.Select(s => s.Kind).Distinct().ToListAsync(Ct)).Order());
        Assert.True(await read.Screenings.MinAsync(s => s.Date, Ct) < Clock.Today.AddDays(-400), "screenings go back over the two years");
        Assert.Equal(Enum.GetValues<ReferralStatus>().Order(), (await read.Referrals.Select(r => r.Status).Distinct().ToListAsync(Ct)).Order());
        var open = await read.Referrals.AsNoTracking().Where(r => r.Status == ReferralStatus.Pending || r.Status == ReferralStatus.Accepted).ToListAsync(Ct);
        Assert.Contains(open, r => r.IsOverdue(Clock.Now));
        // Summer camps are not generated yet (the lead: add them in CityGenerator beside the green channel).
        Assert.Equal(Enum.GetValues<AssistanceKind>().Where(k => k != AssistanceKind.SummerCamp).Order(), (await read.AssistanceRecords.Select(r => r.Kind).Distinct().ToListAsync(Ct)).Order());
        var categories = await read.ChildCategories.GroupBy(c => c.Category).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(Ct);
        Assert.Equal(Enum.GetValues<ChildCategory>().Length, categories.Count);
        Assert.Equal(ChildCategory.LeftBehind, categories.MaxBy(c => c.Count)!.Key);
        var sequences = await read.BoardEvents.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync(Ct);
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        Assert.Equal(counts.Events, sequences.Count);
    }

    [Fact]
    public async Task The_generator_refuses_a_database_with_a_real_child_and_writes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(Ct);
        await using (var db = database.CreateDbContext())
        {
            var birth = new DateOnly(2014, 5, 6);
            db.Children.Add(Child.Register(new NewChild("真实儿童", "F", birth, TestResidentIds.Unique(birth, Sex.F), "shishan-zhen", ["left-behind"], new ChildDetails()),
                new Actor("civil-affairs", "tests"), Clock.Today, Clock.Now));
            await db.SaveChangesAsync(Ct);
        }
        var before = await database.CountRowsAsync(Ct);

        await using var again = database.CreateDbContext();
        var refused = await Assert.ThrowsAsync<CityRefusedException>(() => CityGenerator.GenerateAsync(again, Clock, 100, 1, 7, ct: Ct));

        Assert.Equal("Cli.SeedDemo.RealChildren", refused.Code);
        Assert.Equal(before, await database.CountRowsAsync(Ct));
    }
}
