using Coordination.Core;
using Coordination.Core.Board;
using Coordination.Core.Referrals;
using Coordination.Core.Screenings;
using Microsoft.Extensions.Options;

namespace Coordination.Tests.Support;

/// <summary>Children on the register and referrals of them, for referral tests on a real database.</summary>
public static class ReferralSetup
{
    private static int _serial = 100;

    public static ReferralService Service(TestDatabase database, IBoardNotifier notifier, TestClock clock, ReferralDueTimes? dueTimes = null) =>
        new(database, notifier, clock.Board, Options.Create(dueTimes ?? new ReferralDueTimes()));

    /// <summary>Registers a child through a screening by <paramref name="by"/> and returns its id.</summary>
    public static async Task<Guid> ChildAsync(ScreeningService screenings, TestClock clock, string name = "林晓雨", Actor? by = null, CancellationToken ct = default)
    {
        var actor = by ?? TestInputs.Education;
        var child = TestInputs.NewChild(name: name, serial: Interlocked.Increment(ref _serial));
        var recorded = await screenings.RecordAsync(actor, TestInputs.OfNewChild(actor, child, clock.Today, "high", "psychological"), ct);
        return recorded.ChildId;
    }

    /// <summary>Education refers the child to the women's federation for psychological help.</summary>
    public static NewReferral ToFederation(Guid childId, string urgency = "urgent", string need = "psychological") =>
        new(childId, "womens-federation", need, urgency, "心灵微笑筛查得分偏高，请安排心理辅导。");
}
