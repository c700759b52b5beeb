using Coordination.Core.Board;
using Coordination.Core;
using Coordination.Core.Referrals;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;

namespace Coordination.Tests.Domain;

/// <summary>Every (state, action) pair of a referral: the allowed ones move, the others raise a clear domain error and change nothing.</summary>
public sealed class ReferralStateMachineTests
{
    private static readonly DateTimeOffset Sent = TestClock.Start;
    private static readonly Actor Sender = TestInputs.Education;
    private static readonly Actor Receiver = TestInputs.WomensFederation;

    private static Referral NewReferral(ReferralUrgency urgency = ReferralUrgency.Urgent) =>
        Referral.Create(Guid.NewGuid(), Sender, Receiver.AgencyKey, Need.Psychological, urgency, "情绪低落，需心理辅导", new ReferralDueTimes().For(urgency), Sent);

    /// <summary>A referral brought into <paramref name="status"/> the only ways the machine allows.</summary>
    private static Referral In(ReferralStatus status)
    {
        var r = NewReferral();
        var at = Sent.AddHours(1);
        switch (status)
        {
            case ReferralStatus.Accepted:
                r.Accept(Receiver, at);
                break;
            case ReferralStatus.Declined:
                r.Decline(Receiver, "不属于本部门职责", null, at);
                break;
            case ReferralStatus.Completed:
                r.Accept(Receiver, at);
                r.Complete(Receiver, "已完成三次心理辅导", at.AddHours(1));
                break;
            case ReferralStatus.Withdrawn:
                r.Withdraw(Sender, "家长已自行联系", at);
                break;
        }
        Assert.Equal(status, r.Status);
        return r;
    }

    /// <summary>Does <paramref name="action"/> the way its rightful actor would, with a reason or outcome.</summary>
    private static void Do(Referral r, ReferralAction action)
    {
        var at = Sent.AddHours(5);
        switch (action)
        {
            case ReferralAction.Accepted:
                r.Accept(Receiver, at);
                break;
            case ReferralAction.Declined:
                r.Decline(Receiver, "无对应服务", null, at);
                break;
            case ReferralAction.Completed:
                r.Complete(Receiver, "已办结", at);
                break;
            case ReferralAction.Withdrawn:
                r.Withdraw(Sender, "情况变化", at);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    /// <summary>state, action, the state it moves to (null: refused), the error code when refused.</summary>
    public static TheoryData<ReferralStatus, ReferralAction, ReferralStatus?, string?> Pairs => new()
    {
        { ReferralStatus.Pending, ReferralAction.Accepted, ReferralStatus.Accepted, null },
        { ReferralStatus.Pending, ReferralAction.Declined, ReferralStatus.Declined, null },
        { ReferralStatus.Pending, ReferralAction.Completed, null, "Error.Referral.NotAccepted" },
        { ReferralStatus.Pending, ReferralAction.Withdrawn, ReferralStatus.Withdrawn, null },

        { ReferralStatus.Accepted, ReferralAction.Accepted, null, "Error.Referral.NotPendingAccept" },
        { ReferralStatus.Accepted, ReferralAction.Declined, null, "Error.Referral.NotPendingDecline" },
        { ReferralStatus.Accepted, ReferralAction.Completed, ReferralStatus.Completed, null },
        { ReferralStatus.Accepted, ReferralAction.Withdrawn, ReferralStatus.Withdrawn, null },

        { ReferralStatus.Declined, ReferralAction.Accepted, null, "Error.Referral.NotPendingAccept" },
        { ReferralStatus.Declined, ReferralAction.Declined, null, "Error.Referral.NotPendingDecline" },
        { ReferralStatus.Declined, ReferralAction.Completed, null, "Error.Referral.NotAccepted" },
        { ReferralStatus.Declined, ReferralAction.Withdrawn, null, "Error.Referral.NotOpen" },

        { ReferralStatus.Completed, ReferralAction.Accepted, null, "Error.Referral.NotPendingAccept" },
        { ReferralStatus.Completed, ReferralAction.Declined, null, "Error.Referral.NotPendingDecline" },
        { ReferralStatus.Completed, ReferralAction.Completed, null, "Error.Referral.NotAccepted" },
        { ReferralStatus.Completed, ReferralAction.Withdrawn, null, "Error.Referral.NotOpen" },

        { ReferralStatus.Withdrawn, ReferralAction.Accepted, null, "Error.Referral.NotPendingAccept" },
        { ReferralStatus.Withdrawn, ReferralAction.Declined, null, "Error.Referral.NotPendingDecline" },
        { ReferralStatus.Withdrawn, ReferralAction.Completed, null, "Error.Referral.NotAccepted" },
        { ReferralStatus.Withdrawn, ReferralAction.Withdrawn, null, "Error.Referral.NotOpen" },
    };

    [Fact]
    public void The_table_covers_every_state_and_action()
    {
        var covered = Pairs.Select(row => (row.Data.Item1, row.Data.Item2)).ToHashSet();
        var actions = new[] { ReferralAction.Accepted, ReferralAction.Declined, ReferralAction.Completed, ReferralAction.Withdrawn };
        Assert.Equal(EnumKeys.All<ReferralStatus>().Count * actions.Length, covered.Count);
        Assert.All(EnumKeys.All<ReferralStatus>(), s => Assert.All(actions, a => Assert.Contains((s, a), covered)));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Each_state_and_action_either_moves_or_raises_a_clear_domain_error(ReferralStatus from, ReferralAction action, ReferralStatus? to, string? code)
    {
        var r = In(from);
        var version = r.Version;
        var steps = r.Steps.Count;

        if (to is { } expected)
        {
            Do(r, action);

            Assert.Equal(expected, r.Status);
            Assert.Equal(version + 1, r.Version);
            Assert.Equal(steps + 1, r.Steps.Count);
            Assert.Equal(action, r.LastTransition!.Action);
        }
        else
        {
            var refused = Assert.Throws<ReferralStateException>(() => Do(r, action));

            Assert.Equal(code, refused.Code);
            Assert.Equal(from, refused.Status);
            Assert.IsAssignableFrom<DomainException>(refused);
            Assert.Equal(from, r.Status);
            Assert.Equal(version, r.Version);
            Assert.Equal(steps, r.Steps.Count);
        }
    }

    [Theory]
    [InlineData(ReferralAction.Accepted)]
    [InlineData(ReferralAction.Declined)]
    [InlineData(ReferralAction.Completed)]
    public void Only_the_receiving_agency_accepts_declines_and_completes(ReferralAction action)
    {
        var r = In(action == ReferralAction.Completed ? ReferralStatus.Accepted : ReferralStatus.Pending);
        var before = (r.Status, r.Version);

        foreach (var stranger in new[] { Sender, TestInputs.Health })
        {
            var refused = Assert.Throws<ReferralNotAllowedException>(() =>
            {
                switch (action)
                {
                    case ReferralAction.Accepted: r.Accept(stranger, Sent); break;
                    case ReferralAction.Declined: r.Decline(stranger, "理由", null, Sent); break;
                    default: r.Complete(stranger, "结果", Sent); break;
                }
            });
            Assert.Equal("Error.Referral.NotReceiver", refused.Code);
        }
        Assert.Equal(before, (r.Status, r.Version));
    }

    [Fact]
    public void Only_the_sender_withdraws()
    {
        var r = NewReferral();

        var refused = Assert.Throws<ReferralNotAllowedException>(() => r.Withdraw(Receiver, "不想办", Sent));

        Assert.Equal("Error.Referral.NotSender", refused.Code);
        Assert.Equal(ReferralStatus.Pending, r.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Declining_or_withdrawing_without_a_reason_is_refused_and_changes_nothing(string? reason)
    {
        var r = NewReferral();

        var decline = Assert.Throws<InvalidInputException>(() => r.Decline(Receiver, reason, null, Sent));
        var withdraw = Assert.Throws<InvalidInputException>(() => r.Withdraw(Sender, reason, Sent));

        Assert.Equal("Error.Reason.Required", decline.Errors.First("reason"));
        Assert.Equal("Error.Reason.Required", withdraw.Errors.First("reason"));
        Assert.Equal((ReferralStatus.Pending, 1, 1), (r.Status, r.Version, r.Steps.Count));
    }

    [Fact]
    public void Completing_without_an_outcome_is_refused()
    {
        var r = In(ReferralStatus.Accepted);

        var refused = Assert.Throws<InvalidInputException>(() => r.Complete(Receiver, " ", Sent.AddDays(1)));

        Assert.Equal("Error.Outcome.Required", refused.Errors.First("outcome"));
        Assert.Equal(ReferralStatus.Accepted, r.Status);
    }

    [Fact]
    public void A_decline_may_suggest_another_agency_but_not_one_of_the_two()
    {
        var r = NewReferral();
        Assert.Equal("Error.SuggestedAgency.Involved",
            Assert.Throws<InvalidInputException>(() => r.Decline(Receiver, "无心理咨询师", Sender.AgencyKey, Sent)).Errors.First("suggestedAgency"));

        r.Decline(Receiver, "无心理咨询师", "health", Sent.AddHours(2));

        Assert.Equal(("无心理咨询师", "health"), (r.DeclineReason, r.SuggestedAgencyKey));
        Assert.Equal(Sent.AddHours(2), r.ClosedAt);
    }

    [Fact]
    public void An_agency_cannot_refer_a_child_to_itself()
    {
        var refused = Assert.Throws<InvalidInputException>(() =>
            Referral.Create(Guid.NewGuid(), Sender, Sender.AgencyKey, Need.Schooling, ReferralUrgency.Normal, null, new ReferralDueTimes().Normal, Sent));

        Assert.Equal("Error.To.Self", refused.Errors.First("to"));
    }

    [Fact]
    public void A_new_referral_is_pending_with_its_creation_in_the_history()
    {
        var r = NewReferral();

        Assert.Equal(ReferralStatus.Pending, r.Status);
        Assert.Equal(1, r.Version);
        var step = Assert.Single(r.Steps);
        Assert.Equal((ReferralAction.Created, "education", Sent), (step.Action, step.AgencyKey, step.At));
        Assert.Equal("情绪低落，需心理辅导", step.Note);
    }

    [Theory]
    [InlineData(ReferralUrgency.Urgent, 24, 3 * 24)]
    [InlineData(ReferralUrgency.High, 3 * 24, 14 * 24)]
    [InlineData(ReferralUrgency.Normal, 7 * 24, 30 * 24)]
    public void Due_times_follow_the_urgency(ReferralUrgency urgency, int acceptHours, int completeHours)
    {
        var r = NewReferral(urgency);

        Assert.Equal(Sent.AddHours(acceptHours), r.AcceptDueAt);
        Assert.Equal(Sent.AddHours(completeHours), r.CompleteDueAt);
        Assert.Equal(r.AcceptDueAt, r.DueAt);
    }

    [Fact]
    public void Configured_due_times_are_checked()
    {
        Assert.True(new ReferralDueTimes().IsValid());
        Assert.False(new ReferralDueTimes { Urgent = new DueTime { Accept = TimeSpan.FromDays(2), Complete = TimeSpan.FromDays(1) } }.IsValid());
        Assert.False(new ReferralDueTimes { Normal = new DueTime { Accept = TimeSpan.Zero, Complete = TimeSpan.FromDays(1) } }.IsValid());
    }

    [Fact]
    public void A_pending_urgent_referral_is_overdue_only_after_24_hours_and_is_reported_once_per_stage()
    {
        var r = NewReferral(ReferralUrgency.Urgent);

        Assert.False(r.IsOverdue(Sent.AddHours(24)));
        Assert.Null(r.MarkOverdue(Sent.AddHours(24)));
        Assert.True(r.IsOverdue(Sent.AddHours(24).AddSeconds(1)));
        Assert.Equal(ReferralAction.AcceptanceOverdue, r.MarkOverdue(Sent.AddHours(25)));
        Assert.Null(r.MarkOverdue(Sent.AddHours(26)));
        Assert.Equal(1, r.Version);

        r.Accept(Receiver, Sent.AddHours(30));
        Assert.False(r.IsOverdue(Sent.AddHours(30)));
        Assert.Null(r.MarkOverdue(Sent.AddDays(2)));
        Assert.Equal(ReferralAction.CompletionOverdue, r.MarkOverdue(Sent.AddDays(3).AddMinutes(1)));
        Assert.Null(r.MarkOverdue(Sent.AddDays(4)));

        Assert.Equal(
            [ReferralAction.Created, ReferralAction.AcceptanceOverdue, ReferralAction.Accepted, ReferralAction.CompletionOverdue],
            r.Steps.Select(s => s.Action));
        Assert.Equal(ReferralAction.Accepted, r.LastTransition!.Action);
    }

    [Fact]
    public void A_closed_referral_is_never_overdue()
    {
        var r = In(ReferralStatus.Withdrawn);

        Assert.False(r.IsOverdue(Sent.AddYears(1)));
        Assert.Null(r.MarkOverdue(Sent.AddYears(1)));
    }

    [Fact]
    public void Accepting_and_completing_keep_the_measures_for_the_figures()
    {
        var r = NewReferral(ReferralUrgency.Urgent);

        r.Accept(Receiver, Sent.AddHours(6));
        r.Complete(Receiver, "已安排心理咨询", Sent.AddDays(2));

        Assert.Equal(6 * 3600, r.SecondsToAccept);
        Assert.Equal(2 * 24 * 3600, r.SecondsToComplete);
        Assert.True(r.CompletedOnTime);

        var late = NewReferral(ReferralUrgency.Urgent);
        late.Accept(Receiver, Sent.AddHours(30));
        late.Complete(Receiver, "已办", Sent.AddDays(4));
        Assert.False(late.CompletedOnTime);
    }

    [Fact]
    public void Referral_keys_are_the_contract()
    {
        Assert.Equal(["urgent", "high", "normal"], EnumKeys.All<ReferralUrgency>().Select(u => u.Key()));
        Assert.Equal(["pending", "accepted", "declined", "completed", "withdrawn"], EnumKeys.All<ReferralStatus>().Select(s => s.Key()));
    }

    [Fact]
    public void The_event_detail_is_a_json_object_of_keys_only_and_reads_back()
    {
        var r = NewReferral();

        var detail = ReferralEventDetail.Of(r, ReferralEventDetail.AcceptanceStage).ToDetail();
        var stored = BoardEventDetail.ToStored(detail);

        Assert.Equal("""{"from":"education","to":"womens-federation","need":"psychological","urgency":"urgent","stage":"acceptance"}""", stored);
        Assert.Equal(detail, BoardEventDetail.FromStored(stored));
        Assert.Equal(ReferralEventDetail.Of(r, ReferralEventDetail.AcceptanceStage), ReferralEventDetail.Of(BoardEventDetail.FromStored(stored)));
        Assert.Equal(ReferralEventDetail.Of(r), ReferralEventDetail.Of(BoardEventDetail.FromStored("""{"from":"education","to":"womens-federation","need":"psychological","urgency":"urgent","later":"ignored"}""")));
        Assert.Null(ReferralEventDetail.Of(new BoardEventDetail { Kind = "health-check" }));
        Assert.Null(ReferralEventDetail.Of((BoardEventDetail?)null));
    }
}
