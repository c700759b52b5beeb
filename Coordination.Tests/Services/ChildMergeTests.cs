using System.Collections.Concurrent;
using Coordination.Core;
using Coordination.Core.Assistance;
using Coordination.Core.Board;
using Coordination.Core.Children;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Coordination.Tests.Services;

/// <summary>Two records of one child become one: nothing either record holds is lost (acceptance point 3 of issue 3).</summary>
public sealed class ChildMergeTests : IAsyncLifetime
{
    private readonly TestClock _clock = new();
    private readonly InProcessBoardNotifier _notifier = new(NullLogger<InProcessBoardNotifier>.Instance);
    private TestDatabase _database = null!;
    private ScreeningService _screenings = null!;
    private ChildService _children = null!;
    private AssistanceService _assistance = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Ct);
        _screenings = new ScreeningService(_database, _notifier, _clock.Board);
        _children = new ChildService(_database, _notifier, _clock.Board);
        _assistance = new AssistanceService(_database, _notifier, _clock.Board);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    /// <summary>
    /// The duplicate is registered first (left-behind and in difficulty), the kept record ten days later
    /// (left-behind again, and disabled); each has screenings and assistance of its own.
    /// </summary>
    private static readonly DateOnly Birth = new(2015, 6, 1);

    private async Task<(Guid Kept, Guid Duplicate, DateOnly FirstDay, DateOnly LaterDay)> TwoRecordsOfOneChildAsync()
    {
        var firstDay = _clock.Today;
        var duplicate = await _screenings.RecordAsync(TestInputs.Health,
            TestInputs.OfNewChild(TestInputs.Health, TestInputs.NewChild("陈小明", birth: Birth, serial: 1, categories: ["left-behind", "in-difficulty"]), firstDay, "medium", "medical"), Ct);
        await _screenings.RecordAsync(TestInputs.WomensFederation, TestInputs.OfChild(TestInputs.WomensFederation, duplicate.ChildId, firstDay, "low"), Ct);
        await _assistance.RecordAsync(TestInputs.CivilAffairs,
            new RecordAssistance(duplicate.ChildId, "golden-autumn-aid", "golden-autumn-2026", firstDay, null, 1234.56m, "金秋助学"), Ct);

        _clock.Time.Advance(TimeSpan.FromDays(10));
        var laterDay = _clock.Today;
        var kept = await _screenings.RecordAsync(TestInputs.Education,
            TestInputs.OfNewChild(TestInputs.Education, TestInputs.NewChild("陈小明", birth: Birth, serial: 2, categories: ["left-behind", "disabled"]), laterDay, "low")
                with { DistinctFrom = [duplicate.ChildId] }, Ct); // the near duplicate was offered and, wrongly, declared another child
        await _assistance.RecordAsync(TestInputs.WomensFederation,
            new RecordAssistance(kept.ChildId, "counselling", null, laterDay, 2, null, "心理辅导"), Ct);
        return (kept.ChildId, duplicate.ChildId, firstDay, laterDay);
    }

    [Fact]
    public async Task A_merge_keeps_every_record_of_both_children_and_leaves_one_child()
    {
        var (kept, duplicate, firstDay, laterDay) = await TwoRecordsOfOneChildAsync();

        await _children.MergeAsync(TestInputs.CivilAffairsLead, kept, duplicate, Ct);

        await using var db = _database.CreateDbContext();
        var screenings = await db.Screenings.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(3, screenings.Count);
        Assert.All(screenings, s => Assert.Equal(kept, s.ChildId));
        Assert.Equal([ScreeningKind.Psychological, ScreeningKind.HealthCheck, ScreeningKind.SchoolSurvey], screenings.Select(s => s.Kind).Order());
        var assistance = await db.AssistanceRecords.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(2, assistance.Count);
        Assert.All(assistance, a => Assert.Equal(kept, a.ChildId));
        Assert.Contains(assistance, a => a.AmountFen == 123456);

        var keptChild = await db.Children.AsNoTracking().Include(c => c.Categories).SingleAsync(c => c.Id == kept, Ct);
        var enrolments = keptChild.Categories.ToDictionary(c => c.Category, c => c.EnrolledOn);
        Assert.Equal(firstDay, enrolments[ChildCategory.LeftBehind]);
        Assert.Equal(firstDay, enrolments[ChildCategory.InDifficulty]);
        Assert.Equal(laterDay, enrolments[ChildCategory.Disabled]);
        Assert.Equal(3, enrolments.Count);
        Assert.Equal(ChildStatus.Active, keptChild.Status);
        // The health check of the duplicate said medium: the kept child's risk takes it into account.
        Assert.Equal(RiskLevel.Medium, keptChild.Risk);

        var merged = await db.Children.AsNoTracking().Include(c => c.Categories).SingleAsync(c => c.Id == duplicate, Ct);
        Assert.Equal(ChildStatus.Merged, merged.Status);
        Assert.Equal(kept, merged.MergedIntoId);
        Assert.Empty(merged.Categories);

        var listed = await _children.ListAsync(TestInputs.CivilAffairs, new ChildQuery(Status: null, Text: "陈小明"), Ct);
        Assert.Equal([kept], listed.Rows.Select(r => r.Id));
        Assert.Equal(1, listed.Total);
        Assert.Equal(1, (await _children.ListAsync(TestInputs.CivilAffairs, new ChildQuery(), Ct)).Total);
        Assert.Empty(await _children.FindAsync(TestInputs.CivilAffairs, merged.ResidentId, ct: Ct));
    }

    [Fact]
    public async Task The_kept_profile_shows_the_timeline_of_both_records()
    {
        var (kept, duplicate, _, _) = await TwoRecordsOfOneChildAsync();

        await _children.MergeAsync(TestInputs.CivilAffairsLead, kept, duplicate, Ct);

        var profile = await _children.GetProfileAsync(TestInputs.CivilAffairs, kept, ct: Ct);
        Assert.NotNull(profile);
        Assert.Equal(3, profile.Timeline.Count(t => t.Screening is not null));
        Assert.Equal(2, profile.Timeline.Count(t => t.Assistance is not null));
        // Both registrations and the merge itself.
        Assert.Equal(2, profile.Timeline.Count(t => t.Event?.Kind == BoardEventKinds.ChildRegistered));
        Assert.Single(profile.Timeline, t => t.Event?.Kind == BoardEventKinds.ChildMerged);
    }

    [Fact]
    public async Task The_board_hears_of_the_merge_with_the_kept_and_the_merged_record()
    {
        var (kept, duplicate, _, _) = await TwoRecordsOfOneChildAsync();
        var received = new ConcurrentQueue<BoardEventMessage>();
        using var subscription = _notifier.Subscribe(e =>
        {
            received.Enqueue(e);
            return Task.CompletedTask;
        });

        var sequence = await _children.MergeAsync(TestInputs.CivilAffairsLead, kept, duplicate, Ct);

        await Waiting.UntilAsync(() => Task.FromResult(received.Any(e => e.Kind == BoardEventKinds.ChildMerged)), what: "child.merged published");
        var evt = Assert.Single(received, e => e.Kind == BoardEventKinds.ChildMerged);
        Assert.Equal(sequence, evt.Sequence);
        Assert.Equal(kept, evt.ChildId);
        Assert.Equal(duplicate, evt.SubjectId);
        Assert.Equal("civil-affairs", evt.Agency);
        Assert.DoesNotContain("陈小明", evt.Summary, StringComparison.Ordinal);
        await using var db = _database.CreateDbContext();
        Assert.True(await db.BoardEvents.AnyAsync(e => e.Sequence == sequence && e.Kind == BoardEventKinds.ChildMerged, Ct));
    }

    [Theory]
    [InlineData("womens-federation")]
    [InlineData("health")]
    [InlineData("education")]
    public async Task Only_civil_affairs_may_merge_and_a_refused_merge_changes_nothing(string agency)
    {
        var (kept, duplicate, _, _) = await TwoRecordsOfOneChildAsync();
        var before = await _database.CountRowsAsync(Ct);

        var refused = await Assert.ThrowsAsync<Coordination.Core.Access.ForbiddenException>(
            () => _children.MergeAsync(new Actor(agency, agency + " lead", Coordination.Core.Access.Role.Lead), kept, duplicate, Ct));

        Assert.Equal("Error.Merge.CivilAffairsOnly", refused.Code);
        Assert.Equal(before, await _database.CountRowsAsync(Ct));
        await using var db = _database.CreateDbContext();
        Assert.Equal(ChildStatus.Active, (await db.Children.AsNoTracking().SingleAsync(c => c.Id == duplicate, Ct)).Status);
        Assert.Equal(2, await db.Screenings.CountAsync(s => s.ChildId == duplicate, Ct));
    }

    [Fact]
    public async Task A_record_cannot_be_merged_twice_or_into_itself()
    {
        var (kept, duplicate, _, _) = await TwoRecordsOfOneChildAsync();
        await _children.MergeAsync(TestInputs.CivilAffairsLead, kept, duplicate, Ct);

        var again = await Assert.ThrowsAsync<DomainException>(() => _children.MergeAsync(TestInputs.CivilAffairsLead, kept, duplicate, Ct));
        var itself = await Assert.ThrowsAsync<DomainException>(() => _children.MergeAsync(TestInputs.CivilAffairsLead, kept, kept, Ct));

        Assert.Equal("Error.Merge.AlreadyMerged", again.Code);
        Assert.Equal("Error.Merge.Same", itself.Code);
    }
}
