using System.Collections.Concurrent;
using Coordination.Core;
using Coordination.Core.Board;
using Coordination.Core.Figures;
using Coordination.Core.Referrals;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Coordination.Tests.Services;

public sealed class ReferralServiceTests : IAsyncLifetime
{
    private readonly TestClock _clock = new();
    private readonly InProcessBoardNotifier _notifier = new(NullLogger<InProcessBoardNotifier>.Instance);
    private readonly ConcurrentQueue<BoardEventMessage> _published = new();
    private IDisposable _subscription = null!;
    private TestDatabase _database = null!;
    private ScreeningService _screenings = null!;
    private ReferralService _referrals = null!;
    private Guid _child;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Actor Education = TestInputs.Education;
    private static readonly Actor Federation = TestInputs.WomensFederation;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Ct);
        _screenings = new ScreeningService(_database, _notifier, _clock.Board);
        _referrals = ReferralSetup.Service(_database, _notifier, _clock);
        _child = await ReferralSetup.ChildAsync(_screenings, _clock, ct: Ct);
        _subscription = _notifier.Subscribe(e =>
        {
            _published.Enqueue(e);
            return Task.CompletedTask;
        });
    }

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await _database.DisposeAsync();
    }

    private Task<ReferralDetail> SendAsync(string urgency = "urgent") =>
        _referrals.CreateAsync(Education, ReferralSetup.ToFederation(_child, urgency), Ct);

    /// <summary>What a referral's rows and the board's log hold, to show a refusal changed nothing.</summary>
    private async Task<(ReferralStatus Status, int Version, int Steps, int Events)> StateAsync(Guid id)
    {
        await using var db = _database.CreateDbContext();
        var r = await db.Referrals.AsNoTracking().SingleAsync(x => x.Id == id, Ct);
        return (r.Status, r.Version, await db.ReferralSteps.CountAsync(s => s.ReferralId == id, Ct), await db.BoardEvents.CountAsync(Ct));
    }

    private async Task<List<BoardEvent>> EventsAsync(string kind)
    {
        await using var db = _database.CreateDbContext();
        return await db.BoardEvents.AsNoTracking().Where(e => e.Kind == kind).OrderBy(e => e.Sequence).ToListAsync(Ct);
    }

    [Fact]
    public async Task Sending_a_referral_saves_it_pending_with_due_times_and_logs_one_event_without_personal_data()
    {
        var sent = await SendAsync();

        var r = sent.Referral;
        Assert.Equal((ReferralStatus.Pending, 1, "education", "womens-federation"), (r.Status, r.Version, r.FromAgencyKey, r.ToAgencyKey));
        Assert.Equal((Need.Psychological, ReferralUrgency.Urgent), (r.Need, r.Urgency));
        Assert.Equal(TestClock.Start.AddHours(24), r.AcceptDueAt);
        Assert.Equal(TestClock.Start.AddDays(3), r.CompleteDueAt);
        Assert.Equal("林*雨", r.MaskedChildName);
        var e = Assert.Single(await EventsAsync(BoardEventKinds.ReferralCreated));
        Assert.Equal(("education", r.Id, _child), (e.AgencyKey, e.SubjectId, e.ChildId));
        Assert.Equal(new BoardEventDetail { From = "education", To = "womens-federation", Need = "psychological", Urgency = "urgent" }, e.Detail);
        Assert.DoesNotContain("林", e.Summary + BoardEventDetail.ToStored(e.Detail), StringComparison.Ordinal);
        await Waiting.UntilAsync(() => Task.FromResult(_published.Any(m => m.Kind == BoardEventKinds.ReferralCreated)), what: "referral.created published");
    }

    [Fact]
    public async Task Configured_due_times_replace_the_defaults()
    {
        var quick = ReferralSetup.Service(_database, _notifier, _clock, new ReferralDueTimes
        {
            Normal = new DueTime { Accept = TimeSpan.FromHours(2), Complete = TimeSpan.FromHours(10) },
        });

        var r = (await quick.CreateAsync(Education, ReferralSetup.ToFederation(_child, "normal"), Ct)).Referral;

        Assert.Equal((TestClock.Start.AddHours(2), TestClock.Start.AddHours(10)), (r.AcceptDueAt, r.CompleteDueAt));
    }

    [Theory]
    [InlineData("unknown child", "childId", "Error.Child.NotFound")]
    [InlineData("closed child", "childId", "Error.Child.Closed")]
    [InlineData("to itself", "to", "Error.To.Self")]
    [InlineData("unknown need", "need", "Error.Need.Unknown")]
    [InlineData("no urgency", "urgency", "Error.Urgency.Required")]
    public async Task A_bad_referral_is_refused_on_its_field_and_writes_nothing(string problem, string field, string code)
    {
        if (problem == "closed child")
        {
            await using var db = _database.CreateDbContext();
            await db.Database.ExecuteSqlAsync($"UPDATE Children SET Status = 1 WHERE Id = {_child}", Ct);
        }
        var input = ReferralSetup.ToFederation(_child);
        input = problem switch
        {
            "unknown child" => input with { ChildId = Guid.NewGuid() },
            "to itself" => input with { To = "education" },
            "unknown need" => input with { Need = "housing" },
            "no urgency" => input with { Urgency = null },
            _ => input,
        };
        var events = (await _database.CountRowsAsync(Ct)).BoardEvents;

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => _referrals.CreateAsync(Education, input, Ct));

        Assert.Equal(code, refused.Errors.First(field));
        await using var check = _database.CreateDbContext();
        Assert.Equal(0, await check.Referrals.CountAsync(Ct));
        Assert.Equal(events, (await _database.CountRowsAsync(Ct)).BoardEvents);
    }

    [Fact]
    public async Task Accept_then_complete_moves_the_referral_logs_each_step_and_keeps_the_measures()
    {
        var sent = (await SendAsync()).Referral;
        _clock.Time.Advance(TimeSpan.FromHours(3));

        var accepted = await _referrals.AcceptAsync(Federation, sent.Id, sent.Version, Ct);
        _clock.Time.Advance(TimeSpan.FromDays(1));
        var completed = await _referrals.CompleteAsync(Federation, sent.Id, accepted.Referral.Version, "已安排三次团体辅导，情绪好转。", Ct);

        Assert.Equal((ReferralStatus.Accepted, 2), (accepted.Referral.Status, accepted.Referral.Version));
        Assert.Equal((ReferralStatus.Completed, 3), (completed.Referral.Status, completed.Referral.Version));
        Assert.Equal([ReferralAction.Created, ReferralAction.Accepted, ReferralAction.Completed], completed.History.Select(s => s.Action));
        Assert.Equal(["education", "womens-federation", "womens-federation"], completed.History.Select(s => s.AgencyKey));
        Assert.Equal("已安排三次团体辅导，情绪好转。", completed.History[^1].Note);
        Assert.Single(await EventsAsync(BoardEventKinds.ReferralAccepted));
        var done = Assert.Single(await EventsAsync(BoardEventKinds.ReferralCompleted));
        Assert.Equal("womens-federation", done.AgencyKey);

        await using var db = _database.CreateDbContext();
        var measures = await ReferralFigures.MeasuresAsync(db, TestClock.Start.AddDays(-1), TestClock.Start.AddDays(1), Ct);
        Assert.Equal(new ReferralMeasures(1, 1, 1, 1, 3.0, 27.0), measures);
    }

    [Fact]
    public async Task Decline_with_a_reason_and_a_suggestion_is_saved_and_logged()
    {
        var sent = (await SendAsync()).Referral;

        var declined = await _referrals.DeclineAsync(Federation, sent.Id, 1, "本部门暂无心理咨询师", "health", Ct);

        Assert.Equal((ReferralStatus.Declined, "本部门暂无心理咨询师", "health"),
            (declined.Referral.Status, declined.Referral.DeclineReason, declined.Referral.SuggestedAgencyKey));
        Assert.Single(await EventsAsync(BoardEventKinds.ReferralDeclined));
    }

    [Theory]
    [InlineData("decline", null)]
    [InlineData("decline", "   ")]
    [InlineData("withdraw", "")]
    [InlineData("withdraw", null)]
    public async Task A_decline_or_withdrawal_without_a_reason_is_refused_and_changes_nothing(string action, string? reason)
    {
        var sent = (await SendAsync()).Referral;
        var before = await StateAsync(sent.Id);

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => action == "decline"
            ? _referrals.DeclineAsync(Federation, sent.Id, sent.Version, reason, null, Ct)
            : _referrals.WithdrawAsync(Education, sent.Id, sent.Version, reason, Ct));

        Assert.Equal("Error.Reason.Required", refused.Errors.First("reason"));
        Assert.Equal(before, await StateAsync(sent.Id));
    }

    [Fact]
    public async Task An_unknown_suggested_agency_is_refused()
    {
        var sent = (await SendAsync()).Referral;

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => _referrals.DeclineAsync(Federation, sent.Id, 1, "不对口", "tax-office", Ct));

        Assert.Equal("Error.SuggestedAgency.Unknown", refused.Errors.First("suggestedAgency"));
        Assert.Equal(ReferralStatus.Pending, (await StateAsync(sent.Id)).Status);
    }

    [Fact]
    public async Task Only_the_receiver_may_accept_and_only_the_sender_withdraw_and_nothing_changes_otherwise()
    {
        var sent = (await SendAsync()).Referral;
        var before = await StateAsync(sent.Id);

        var byHealth = await Assert.ThrowsAsync<ReferralNotAllowedException>(() => _referrals.AcceptAsync(TestInputs.Health, sent.Id, 1, Ct));
        var bySender = await Assert.ThrowsAsync<ReferralNotAllowedException>(() => _referrals.AcceptAsync(Education, sent.Id, 1, Ct));
        var byReceiver = await Assert.ThrowsAsync<ReferralNotAllowedException>(() => _referrals.WithdrawAsync(Federation, sent.Id, 1, "不想办", Ct));

        Assert.Equal(["Error.Referral.NotReceiver", "Error.Referral.NotReceiver", "Error.Referral.NotSender"], new[] { byHealth.Code, bySender.Code, byReceiver.Code });
        Assert.Equal(before, await StateAsync(sent.Id));
    }

    [Fact]
    public async Task An_unknown_referral_is_not_found()
    {
        var missing = await Assert.ThrowsAsync<ReferralNotFoundException>(() => _referrals.AcceptAsync(Federation, Guid.NewGuid(), 1, Ct));

        Assert.Equal("Error.Referral.NotFound", missing.Code);
        Assert.Null(await _referrals.DetailAsync(TestInputs.CivilAffairs, Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_that_says_who_did_what()
    {
        var sent = (await SendAsync()).Referral;
        await _referrals.AcceptAsync(Federation, sent.Id, 1, Ct);
        var before = await StateAsync(sent.Id);

        // The sender still sees version 1 and tries to withdraw.
        var conflict = await Assert.ThrowsAsync<ReferralConflictException>(() => _referrals.WithdrawAsync(Education, sent.Id, 1, "家长已自行就医", Ct));

        Assert.Equal((ReferralStatus.Accepted, 2, ReferralAction.Accepted, "womens-federation"),
            (conflict.Status, conflict.Version, conflict.LastAction, conflict.ByAgencyKey));
        Assert.Equal("Error.Referral.Conflict", conflict.Code);
        Assert.Equal(before, await StateAsync(sent.Id));
    }

    [Fact]
    public async Task Two_liaisons_accepting_at_once_one_wins_the_other_is_told_and_the_history_has_one_acceptance()
    {
        // Two liaisons of the receiving agency, each on their own context, both holding version 1.
        for (var round = 0; round < 5; round++)
        {
            var sent = (await SendAsync()).Referral;
            var first = new Actor("womens-federation", "联络员甲");
            var second = new Actor("womens-federation", "联络员乙");
            using var start = new ManualResetEventSlim();

            var attempts = new[] { first, second }.Select(actor => Task.Run(async () =>
            {
                start.Wait(Ct);
                try
                {
                    await _referrals.AcceptAsync(actor, sent.Id, sent.Version, Ct);
                    return (Exception?)null;
                }
                catch (Exception ex)
                {
                    return ex;
                }
            }, Ct)).ToArray();
            start.Set();
            var outcomes = await Task.WhenAll(attempts);

            Assert.Single(outcomes, o => o is null);
            var conflict = Assert.IsType<ReferralConflictException>(Assert.Single(outcomes, o => o is not null));
            Assert.Equal((ReferralStatus.Accepted, ReferralAction.Accepted, "womens-federation"), (conflict.Status, conflict.LastAction, conflict.ByAgencyKey));
            var detail = (await _referrals.DetailAsync(TestInputs.CivilAffairs, sent.Id, Ct))!;
            Assert.Single(detail.History, s => s.Action == ReferralAction.Accepted);
            Assert.Equal(2, detail.Referral.Version);
        }
        Assert.Equal(5, (await EventsAsync(BoardEventKinds.ReferralAccepted)).Count);
    }

    [Fact]
    public async Task A_pending_urgent_referral_becomes_overdue_after_24_hours_with_exactly_one_board_event()
    {
        var sent = (await SendAsync("urgent")).Referral;
        await SendAsync("normal");

        _clock.Time.Advance(TimeSpan.FromHours(24));
        Assert.Equal(0, await _referrals.MarkOverdueAsync(Ct));
        Assert.Empty(await EventsAsync(BoardEventKinds.ReferralOverdue));

        _clock.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await _referrals.MarkOverdueAsync(Ct));
        // The watch checks every minute: later checks report nothing new.
        for (var check = 0; check < 5; check++)
        {
            _clock.Time.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(0, await _referrals.MarkOverdueAsync(Ct));
        }

        var e = Assert.Single(await EventsAsync(BoardEventKinds.ReferralOverdue));
        Assert.Equal(("womens-federation", sent.Id), (e.AgencyKey, e.SubjectId));
        Assert.Equal("acceptance", e.Detail?.Stage);
        await Waiting.UntilAsync(() => Task.FromResult(_published.Count(m => m.Kind == BoardEventKinds.ReferralOverdue) == 1), what: "one overdue event published");
        var detail = (await _referrals.DetailAsync(TestInputs.CivilAffairs, sent.Id, Ct))!;
        Assert.True(detail.Referral.IsOverdue);
        Assert.Equal(1, detail.Referral.Version);
        Assert.Equal(ReferralAction.AcceptanceOverdue, detail.History[^1].Action);
    }

    [Fact]
    public async Task An_overdue_referral_shows_on_the_board_for_every_agency_and_in_its_receivers_counts()
    {
        var snapshots = new BoardSnapshotService(_database, _clock.Board);
        var sent = (await SendAsync("urgent")).Referral;
        var waiting = await snapshots.GetLatestAsync(TestInputs.CivilAffairs, Ct);
        Assert.Equal(new AgencyReferralCounts(1, 0, 0), waiting.Columns.Single(c => c.AgencyKey == "womens-federation").Referrals);
        Assert.Equal(0, waiting.Overdue.Total);

        _clock.Time.Advance(TimeSpan.FromHours(25));
        await _referrals.MarkOverdueAsync(Ct);
        var board = await snapshots.GetLatestAsync(TestInputs.CivilAffairs, Ct);

        Assert.Equal(new AgencyReferralCounts(1, 0, 1), board.Columns.Single(c => c.AgencyKey == "womens-federation").Referrals);
        Assert.Equal(AgencyReferralCounts.None, board.Columns.Single(c => c.AgencyKey == "education").Referrals);
        var line = Assert.Single(board.Overdue.Latest);
        Assert.Equal((sent.Id, "林*雨", "education", "womens-federation", Need.Psychological), (line.Id, line.MaskedChildName, line.FromAgencyKey, line.ToAgencyKey, line.Need));
        Assert.Equal(sent.AcceptDueAt, line.DueAt);
        Assert.Equal(BoardEventKinds.ReferralOverdue, board.Feed[0].Kind);
        snapshots.Dispose();
    }

    [Fact]
    public async Task An_accepted_referral_becomes_overdue_for_completion_once()
    {
        var sent = (await SendAsync("urgent")).Referral;
        await _referrals.AcceptAsync(Federation, sent.Id, 1, Ct);

        _clock.Time.Advance(TimeSpan.FromDays(3).Add(TimeSpan.FromMinutes(1)));
        Assert.Equal(1, await _referrals.MarkOverdueAsync(Ct));
        Assert.Equal(0, await _referrals.MarkOverdueAsync(Ct));

        var e = Assert.Single(await EventsAsync(BoardEventKinds.ReferralOverdue));
        Assert.Equal("completion", e.Detail?.Stage);
        var counts = await _referrals.CountsAsync(TestInputs.CivilAffairs, "womens-federation", Ct);
        Assert.Equal(new AgencyReferralCounts(0, 1, 1), counts.Inbox);
        Assert.Equal(new AgencyReferralCounts(0, 1, 1), (await _referrals.CountsAsync(TestInputs.CivilAffairs, "education", Ct)).Outbox);
    }

    [Fact]
    public async Task Lists_filter_by_box_status_and_overdue_with_open_ones_first()
    {
        var urgent = (await SendAsync("urgent")).Referral;
        var normal = (await SendAsync("normal")).Referral;
        var declined = (await SendAsync("high")).Referral;
        await _referrals.DeclineAsync(Federation, declined.Id, 1, "不对口", null, Ct);
        var back = (await _referrals.CreateAsync(Federation, new NewReferral(_child, "education", "schooling", "normal", null), Ct)).Referral;
        _clock.Time.Advance(TimeSpan.FromHours(25));

        var inbox = await _referrals.ListAsync(TestInputs.CivilAffairs, new ReferralQuery(ToAgency: "womens-federation"), Ct);
        var outbox = await _referrals.ListAsync(TestInputs.CivilAffairs, new ReferralQuery(FromAgency: "womens-federation"), Ct);
        var pending = await _referrals.ListAsync(TestInputs.CivilAffairs, new ReferralQuery(ToAgency: "womens-federation", Status: ReferralStatus.Pending), Ct);
        var overdue = await _referrals.ListAsync(TestInputs.CivilAffairs, new ReferralQuery(Overdue: true), Ct);
        var notOverdue = await _referrals.ListAsync(TestInputs.CivilAffairs, new ReferralQuery(Overdue: false), Ct);

        Assert.Equal([urgent.Id, normal.Id, declined.Id], inbox.Select(r => r.Id));
        Assert.Equal([back.Id], outbox.Select(r => r.Id));
        Assert.Equal([urgent.Id, normal.Id], pending.Select(r => r.Id));
        Assert.Equal([urgent.Id], overdue.Select(r => r.Id));
        Assert.True(overdue[0].IsOverdue);
        Assert.Equal(3, notOverdue.Count);
    }

    [Fact]
    public async Task A_childs_referrals_come_open_ones_first_with_their_histories()
    {
        var first = (await SendAsync("normal")).Referral;
        _clock.Time.Advance(TimeSpan.FromMinutes(5));
        await _referrals.WithdrawAsync(Education, first.Id, 1, "重复发送", Ct);
        _clock.Time.Advance(TimeSpan.FromMinutes(5));
        var second = (await SendAsync("high")).Referral;
        var other = await ReferralSetup.ChildAsync(_screenings, _clock, "王浩", ct: Ct);
        await _referrals.CreateAsync(Education, ReferralSetup.ToFederation(other), Ct);

        var forChild = await _referrals.ForChildAsync(TestInputs.CivilAffairs, _child, Ct);

        Assert.Equal([second.Id, first.Id], forChild.Select(d => d.Referral.Id));
        Assert.Equal([ReferralAction.Created, ReferralAction.Withdrawn], forChild[1].History.Select(s => s.Action));
        Assert.Equal("重复发送", forChild[1].Referral.WithdrawReason);
        Assert.Empty(await _referrals.ForChildAsync(TestInputs.CivilAffairs, Guid.NewGuid(), Ct));
    }
}
