using System.Collections.Concurrent;
using Coordination.Core;
using Coordination.Core.Board;
using Coordination.Core.Children;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Coordination.Tests.Services;

public sealed class ScreeningServiceTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly TestClock _clock = new();
    private readonly InProcessBoardNotifier _notifier = new(NullLogger<InProcessBoardNotifier>.Instance);
    private TestDatabase _database = null!;
    private ScreeningService _service = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DateOnly Today => _clock.Today;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Ct);
        _service = new ScreeningService(_database, _notifier, _clock.Board);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Screening_of_a_new_child_registers_the_child_and_records_the_screening()
    {
        var input = TestInputs.OfNewChild(TestInputs.Health, TestInputs.NewChild("陈小明", Sex.M, categories: ["left-behind", "low-income"]), Today, "high", "medical");

        var recorded = await _service.RecordAsync(TestInputs.Health, input, Ct);

        Assert.True(recorded.ChildRegistered);
        await using var db = _database.CreateDbContext();
        var child = await db.Children.Include(c => c.Categories).SingleAsync(Ct);
        Assert.Equal(recorded.ChildId, child.Id);
        Assert.Equal("陈小明", child.Name);
        Assert.Equal(input.NewChild!.ResidentId, child.ResidentId);
        Assert.Equal("health", child.RegisteredBy);
        Assert.Equal([ChildCategory.LeftBehind, ChildCategory.LowIncome], child.Categories.Select(c => c.Category).Order());
        var screening = await db.Screenings.SingleAsync(Ct);
        Assert.Equal(recorded.Id, screening.Id);
        Assert.Equal(child.Id, screening.ChildId);
        Assert.Equal(ScreeningKind.HealthCheck, screening.Kind);
        Assert.Equal("health", screening.AgencyKey);
        Assert.Equal(Need.Medical, screening.Needs);
        Assert.Equal(Today, screening.Date);
    }

    [Fact]
    public async Task A_child_with_the_typed_resident_id_is_the_same_child_never_a_near_duplicate_of_it()
    {
        // Twenty posts of one new child at once: one registers it between another's look-up by resident ID and its
        // near-duplicate check. That child has the very resident ID typed, so it is not "another child with the same
        // name": the check leaves it out, the save meets the unique index and runs again, and finds it.
        var first = TestInputs.OfNewChild(TestInputs.Health, TestInputs.NewChild("陈小明", Sex.M), Today);
        await _service.RecordAsync(TestInputs.Health, first, Ct);
        var typed = first.NewChild!;

        await using var db = _database.CreateDbContext();
        var sameId = await ChildService.NearDuplicatesAsync(db, TestInputs.Health, typed.Name!, typed.BirthDate!.Value, typed.Township!, Ct,
            ResidentId.Normalize(typed.ResidentId));
        var anyId = await ChildService.NearDuplicatesAsync(db, TestInputs.Health, typed.Name!, typed.BirthDate!.Value, typed.Township!, Ct);

        Assert.Empty(sameId);
        Assert.Single(anyId);
    }

    [Fact]
    public async Task Screening_of_a_new_child_logs_registration_then_screening_and_publishes_both()
    {
        var received = new ConcurrentQueue<BoardEventMessage>();
        var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _notifier.Subscribe(e =>
        {
            received.Enqueue(e);
            if (received.Count >= 2)
            {
                both.TrySetResult();
            }
            return Task.CompletedTask;
        });
        var input = TestInputs.OfNewChild(TestInputs.Health, TestInputs.NewChild("陈小明"), Today, "high");

        var recorded = await _service.RecordAsync(TestInputs.Health, input, Ct);

        await using var db = _database.CreateDbContext();
        var events = await db.BoardEvents.OrderBy(e => e.Sequence).ToListAsync(Ct);
        Assert.Equal([BoardEventKinds.ChildRegistered, BoardEventKinds.ScreeningRecorded], events.Select(e => e.Kind));
        Assert.True(events[0].Sequence < events[1].Sequence);
        Assert.Equal(events[1].Sequence, recorded.Sequence);
        Assert.All(events, e => Assert.Equal(recorded.ChildId, e.ChildId));
        Assert.Equal(recorded.Id, events[1].SubjectId);
        Assert.Equal(new BoardEventDetail { Kind = "health-check" }, events[1].Detail);
        Assert.Equal(RiskLevel.High, events[1].Risk);
        Assert.All(events, e =>
        {
            Assert.DoesNotContain("陈小明", e.Summary, StringComparison.Ordinal);
            Assert.DoesNotContain(input.NewChild!.ResidentId!, e.Summary, StringComparison.Ordinal);
        });

        await both.Task.WaitAsync(Deadline, Ct);
        Assert.Equal(events.Select(e => e.Sequence), received.Select(m => m.Sequence));
        Assert.Equal(events.Select(e => e.Kind), received.Select(m => m.Kind));
        Assert.Equal("high", received.Last().Risk);
    }

    [Fact]
    public async Task Child_risk_becomes_that_of_the_screening()
    {
        var recorded = await _service.RecordAsync(TestInputs.Health, TestInputs.OfNewChild(TestInputs.Health, TestInputs.NewChild(), Today, "urgent"), Ct);

        await using var db = _database.CreateDbContext();
        var child = await db.Children.SingleAsync(c => c.Id == recorded.ChildId, Ct);
        Assert.Equal(RiskLevel.Urgent, child.Risk);
        Assert.Equal(Today, child.LastScreenedOn);
    }

    [Fact]
    public async Task Screening_of_a_registered_child_by_id_adds_one_screening_and_one_event()
    {
        var first = await _service.RecordAsync(TestInputs.CivilAffairs, TestInputs.OfNewChild(TestInputs.CivilAffairs, TestInputs.NewChild(), Today.AddDays(-3), "low"), Ct);

        var second = await _service.RecordAsync(TestInputs.Education, TestInputs.OfChild(TestInputs.Education, first.ChildId, Today, "medium", "schooling"), Ct);

        Assert.False(second.ChildRegistered);
        Assert.Equal(first.ChildId, second.ChildId);
        Assert.True(second.Sequence > first.Sequence);
        Assert.Equal((1, 2, 3), await _database.CountRowsAsync(Ct));
        await using var db = _database.CreateDbContext();
        Assert.Equal(RiskLevel.Medium, (await db.Children.SingleAsync(Ct)).Risk);
        var last = await db.BoardEvents.OrderByDescending(e => e.Sequence).FirstAsync(Ct);
        Assert.Equal(BoardEventKinds.ScreeningRecorded, last.Kind);
        Assert.Equal("education", last.AgencyKey);
        Assert.Equal(second.Id, last.SubjectId);
    }

    [Fact]
    public async Task Screening_dated_before_the_latest_one_does_not_change_the_childs_risk()
    {
        var first = await _service.RecordAsync(TestInputs.Health, TestInputs.OfNewChild(TestInputs.Health, TestInputs.NewChild(), Today, "high"), Ct);

        await _service.RecordAsync(TestInputs.CivilAffairs, TestInputs.OfChild(TestInputs.CivilAffairs, first.ChildId, Today.AddDays(-10), "none"), Ct);

        await using var db = _database.CreateDbContext();
        var child = await db.Children.SingleAsync(Ct);
        Assert.Equal(RiskLevel.High, child.Risk);
        Assert.Equal(Today, child.LastScreenedOn);
    }

    [Fact]
    public async Task New_child_whose_resident_id_is_already_registered_is_the_same_child()
    {
        var child = TestInputs.NewChild("林雨涵", Sex.F) with { ResidentId = TestResidentIds.EndingInX(new DateOnly(2015, 6, 1), Sex.F) };
        var first = await _service.RecordAsync(TestInputs.CivilAffairs, TestInputs.OfNewChild(TestInputs.CivilAffairs, child, Today), Ct);

        // Typed again by another agency, with a lowercase x.
        var again = child with { ResidentId = child.ResidentId!.ToLowerInvariant() };
        var second = await _service.RecordAsync(TestInputs.WomensFederation, TestInputs.OfNewChild(TestInputs.WomensFederation, again, Today), Ct);

        Assert.False(second.ChildRegistered);
        Assert.Equal(first.ChildId, second.ChildId);
        Assert.Equal((1, 2, 3), await _database.CountRowsAsync(Ct));
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, await db.BoardEvents.CountAsync(e => e.Kind == BoardEventKinds.ChildRegistered, Ct));
    }

    [Theory]
    [InlineData("bad check digit", "child.residentId", "Error.ResidentId.CheckDigit")]
    [InlineData("unknown township", "child.township", "Error.Township.Unknown")]
    [InlineData("future birth date", "child.birthDate", "Error.BirthDate.Future")]
    [InlineData("missing kind", "kind", "Error.Kind.Required")]
    [InlineData("kind of another agency", "kind", "Error.Kind.NotThisAgency")]
    [InlineData("future screening date", "date", "Error.Date.Future")]
    [InlineData("date before birth", "date", "Error.Date.BeforeBirth")]
    public async Task Invalid_screening_is_refused_on_its_field_and_changes_nothing(string problem, string field, string code)
    {
        // Something on the register already, so "unchanged" is not just "still empty".
        await _service.RecordAsync(TestInputs.Health, TestInputs.OfNewChild(TestInputs.Health, TestInputs.NewChild("王浩", serial: 7), Today), Ct);
        var before = await _database.CountRowsAsync(Ct);
        var child = TestInputs.NewChild("陈小明", serial: 1);
        var input = TestInputs.OfNewChild(TestInputs.Health, child, Today);
        input = problem switch
        {
            "bad check digit" => input with { NewChild = child with { ResidentId = TestResidentIds.WithWrongCheck(child.ResidentId!) } },
            "unknown township" => input with { NewChild = child with { Township = "atlantis-zhen" } },
            "future birth date" => input with { NewChild = TestInputs.NewChild("陈小明", birth: Today.AddDays(2)) },
            "missing kind" => input with { Kind = null },
            "kind of another agency" => input with { Kind = "household" },
            "future screening date" => input with { Date = Today.AddDays(1) },
            "date before birth" => input with { Date = child.BirthDate!.Value.AddDays(-1) },
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
        };

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => _service.RecordAsync(TestInputs.Health, input, Ct));

        Assert.Equal(code, refused.Errors.First(field));
        Assert.Equal(before, await _database.CountRowsAsync(Ct));
    }

    [Fact]
    public async Task Screening_of_an_unknown_child_id_is_refused()
    {
        var refused = await Assert.ThrowsAsync<InvalidInputException>(
            () => _service.RecordAsync(TestInputs.Health, TestInputs.OfChild(TestInputs.Health, Guid.NewGuid(), Today), Ct));

        Assert.Equal("Error.Child.NotFound", refused.Errors.First("child.id"));
        Assert.Equal((0, 0, 0), await _database.CountRowsAsync(Ct));
    }

    [Fact]
    public async Task Unknown_agency_cannot_record()
    {
        var stranger = Actor.ForAgency("tax-office");

        var refused = await Assert.ThrowsAsync<DomainException>(
            () => _service.RecordAsync(stranger, TestInputs.OfNewChild(TestInputs.Health, TestInputs.NewChild(), Today), Ct));

        Assert.Equal("Error.Agency.Unknown", refused.Code);
        Assert.Equal((0, 0, 0), await _database.CountRowsAsync(Ct));
    }

    [Fact]
    public async Task Concurrent_recordings_get_distinct_gap_free_sequences()
    {
        const int writers = 8;
        var received = new ConcurrentBag<long>();
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _notifier.Subscribe(e =>
        {
            received.Add(e.Sequence);
            if (received.Count >= writers * 2)
            {
                all.TrySetResult();
            }
            return Task.CompletedTask;
        });
        Actor[] actors = [TestInputs.CivilAffairs, TestInputs.WomensFederation, TestInputs.Health, TestInputs.Education];

        var results = await Task.WhenAll(Enumerable.Range(0, writers).Select(i => Task.Run(() =>
        {
            var actor = actors[i % actors.Length];
            var input = TestInputs.OfNewChild(actor, TestInputs.NewChild("张梓涵", serial: i), Today, "medium");
            return _service.RecordAsync(actor, input, Ct);
        }, Ct)));

        await using var db = _database.CreateDbContext();
        var events = await db.BoardEvents.OrderBy(e => e.Sequence).ToListAsync(Ct);
        Assert.Equal(Enumerable.Range(1, writers * 2).Select(n => (long)n), events.Select(e => e.Sequence));
        Assert.Equal(writers, results.Select(r => r.Sequence).Distinct().Count());
        // Each writer's two events sit together: its transaction held the log alone.
        for (var i = 0; i < events.Count; i += 2)
        {
            Assert.Equal(BoardEventKinds.ChildRegistered, events[i].Kind);
            Assert.Equal(BoardEventKinds.ScreeningRecorded, events[i + 1].Kind);
            Assert.Equal(events[i].ChildId, events[i + 1].ChildId);
        }
        Assert.Equal((writers, writers, writers * 2), await _database.CountRowsAsync(Ct));
        await all.Task.WaitAsync(Deadline, Ct);
        Assert.Equal(events.Select(e => e.Sequence), received.Order());
    }
}
