using Coordination.Core;
using Coordination.Core.Board;
using Coordination.Core.Children;
using Coordination.Core.Demo;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Tests.Services;

public sealed class DemoDataTests(SeededDemoDatabase demo) : IClassFixture<SeededDemoDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seeding_makes_at_least_300_children_in_all_27_areas()
    {
        await using var db = demo.Database.CreateDbContext();

        Assert.True(demo.ChildrenMade >= 300, $"only {demo.ChildrenMade} children");
        Assert.Equal(demo.ChildrenMade, await db.Children.CountAsync(Ct));
        var areas = await db.Children.Select(c => c.TownshipKey).Distinct().ToListAsync(Ct);
        Assert.Equal(27, areas.Count);
        Assert.Equal((await db.Townships.Select(t => t.Key).ToListAsync(Ct)).Order(), areas.Order());
    }

    [Fact]
    public async Task Every_resident_id_is_valid_synthetic_and_agrees_with_the_child()
    {
        await using var db = demo.Database.CreateDbContext();
        var children = await db.Children.AsNoTracking().ToListAsync(Ct);

        Assert.All(children, c =>
        {
            Assert.True(ResidentId.IsValid(c.ResidentId), c.ResidentId);
            Assert.StartsWith(DemoData.SyntheticRegion, c.ResidentId, StringComparison.Ordinal);
            Assert.Equal(c.BirthDate, ResidentId.BirthDate(c.ResidentId));
            Assert.Equal(c.Sex, ResidentId.SexOf(c.ResidentId));
            Assert.True(c.BirthDate.AddYears(18) > demo.Clock.Today, "an adult on the children's register");
        });
        Assert.Equal(children.Count, children.Select(c => c.ResidentId).Distinct().Count());
    }

    [Fact]
    public async Task Screenings_of_all_four_kinds_fall_in_each_of_the_last_four_quarters()
    {
        await using var db = demo.Database.CreateDbContext();
        var screenings = await db.Screenings.AsNoTracking().Select(s => new { s.Kind, s.Date }).ToListAsync(Ct);
        var quarter = Quarter.Of(demo.Clock.Today);
        Quarter[] lastFour = [quarter, quarter.Previous, quarter.Previous.Previous, quarter.Previous.Previous.Previous];

        foreach (var q in lastFour)
        {
            foreach (var kind in EnumKeys.All<ScreeningKind>())
            {
                Assert.True(screenings.Any(s => s.Kind == kind && q.Contains(s.Date)), $"no {kind.Key()} screening in {q}");
            }
        }
        Assert.All(screenings, s => Assert.InRange(s.Date, demo.Clock.Today.AddYears(-1), demo.Clock.Today));
    }

    [Fact]
    public async Task Every_screening_is_recorded_by_the_agency_of_its_kind()
    {
        await using var db = demo.Database.CreateDbContext();
        var kindOf = await db.Agencies.ToDictionaryAsync(a => a.Key, a => a.ScreeningKind, Ct);
        var screenings = await db.Screenings.AsNoTracking().ToListAsync(Ct);

        Assert.NotEmpty(screenings);
        Assert.All(screenings, s => Assert.Equal(kindOf[s.AgencyKey], s.Kind.Key()));
        Assert.All(screenings, s => Assert.True(s.RecordedAt <= demo.Clock.Board.Now, "recorded in the future"));
    }

    [Fact]
    public async Task Childs_risk_is_what_the_risk_rules_make_of_its_screenings()
    {
        await using var db = demo.Database.CreateDbContext();
        var children = await db.Children.AsNoTracking().Include(c => c.Categories).ToListAsync(Ct);
        var screenings = (await db.Screenings.AsNoTracking().ToListAsync(Ct)).ToLookup(s => s.ChildId);

        Assert.All(children, c =>
        {
            Assert.Equal(screenings[c.Id].Max(s => s.Date), c.LastScreenedOn);
            Assert.Equal(RiskRules.Assess(c, screenings[c.Id], demo.Clock.Today).Level, c.Risk);
        });
        Assert.Contains(children, c => c.Risk >= RiskLevel.High);
        Assert.Contains(children, c => c.Risk == RiskLevel.None);
    }

    [Fact]
    public async Task Board_events_are_gap_free_and_in_time_order()
    {
        await using var db = demo.Database.CreateDbContext();
        var events = await db.BoardEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(Ct);

        // One event per child, screening and assistance record; the referrals' own are counted in the referral test.
        Assert.Equal(await db.Children.CountAsync(Ct) + await db.Screenings.CountAsync(Ct) + await db.AssistanceRecords.CountAsync(Ct),
            events.Count(e => !e.Kind.StartsWith("referral.", StringComparison.Ordinal)));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(n => (long)n), events.Select(e => e.Sequence));
        for (var i = 1; i < events.Count; i++)
        {
            Assert.True(events[i - 1].OccurredAt <= events[i].OccurredAt, $"event {events[i].Sequence} is older than event {events[i - 1].Sequence}");
        }
    }

    [Fact]
    public async Task Each_child_is_registered_before_it_is_screened()
    {
        await using var db = demo.Database.CreateDbContext();
        var events = await db.BoardEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(Ct);
        var registeredAt = events.Where(e => e.Kind == BoardEventKinds.ChildRegistered).ToDictionary(e => e.ChildId!.Value, e => e.Sequence);
        var children = await db.Children.AsNoTracking().ToDictionaryAsync(c => c.Id, Ct);
        var screenings = await db.Screenings.AsNoTracking().ToListAsync(Ct);

        Assert.All(events.Where(e => e.Kind == BoardEventKinds.ScreeningRecorded), e => Assert.True(
            registeredAt[e.ChildId!.Value] < e.Sequence, $"event {e.Sequence} screens a child registered later"));
        Assert.All(screenings, s => Assert.True(children[s.ChildId].RegisteredAt <= s.RecordedAt, "screening recorded before its child was registered"));
    }

    [Fact]
    public async Task Seeding_twice_does_nothing_the_second_time()
    {
        var before = await demo.Database.CountRowsAsync(Ct);
        await using var db = demo.Database.CreateDbContext();

        var made = await DemoData.SeedAsync(db, demo.Clock.Board, ct: Ct);

        Assert.Equal(0, made);
        Assert.Equal(before, await demo.Database.CountRowsAsync(Ct));
    }

    [Fact]
    public async Task Referrals_are_in_every_state_some_overdue_and_every_inbox_holds_fresh_work()
    {
        await using var db = demo.Database.CreateDbContext();
        var referrals = await db.Referrals.AsNoTracking().ToListAsync(Ct);
        var now = demo.Clock.Board.Now;

        foreach (var status in EnumKeys.All<Coordination.Core.Referrals.ReferralStatus>())
        {
            Assert.Contains(referrals, r => r.Status == status);
        }
        Assert.Contains(referrals, r => r.AcceptanceOverdueAt is not null && r.Status == Coordination.Core.Referrals.ReferralStatus.Pending);
        Assert.Contains(referrals, r => r.CompletionOverdueAt is not null && r.Status == Coordination.Core.Referrals.ReferralStatus.Accepted);
        foreach (var agency in new[] { "civil-affairs", "womens-federation", "health", "education" })
        {
            Assert.Contains(referrals, r => r.ToAgencyKey == agency && r.Status == Coordination.Core.Referrals.ReferralStatus.Pending && r.AcceptDueAt > now);
            Assert.DoesNotContain(referrals, r => r.ToAgencyKey == agency && r.FromAgencyKey == agency);
        }
        // Every referral is on the board's log: as many "sent" events as referrals.
        Assert.Equal(referrals.Count, await db.BoardEvents.CountAsync(e => e.Kind == BoardEventKinds.ReferralCreated, Ct));
    }
}
