using Bunit;
using Coordination.Core.Board;
using Coordination.Core.Referrals;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Coordination.Web.Components.Board;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Components;

/// <summary>The board's referral counts per agency, the overdue panel every agency sees, and the feed's words for referrals.</summary>
public sealed class BoardReferralsTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static string Count(IRenderedComponent<BoardPage> cut, string agency, string what) =>
        cut.Find($"[data-testid=agency-column-{agency}] [data-testid=agency-referrals-{what}]").GetAttribute("data-count")!;

    [Fact]
    public async Task A_pending_urgent_referral_turns_overdue_on_the_open_board_after_24_hours()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var referrals = ctx.Services.GetRequiredService<ReferralService>();
        var child = await ReferralSetup.ChildAsync(ctx.Services.GetRequiredService<ScreeningService>(), ctx.Clock, ct: Ct);
        var cut = ctx.Render<BoardPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=board]")));

        var sent = await referrals.CreateAsync(TestInputs.Education, ReferralSetup.ToFederation(child, "urgent"), Ct);
        cut.WaitForAssertion(() => Assert.Equal("1", Count(cut, "womens-federation", "waiting")), TimeSpan.FromSeconds(10));
        Assert.Equal("0", Count(cut, "womens-federation", "overdue"));
        Assert.Equal("0", cut.Find("[data-testid=overdue-referrals]").GetAttribute("data-count"));

        ctx.Clock.Time.Advance(TimeSpan.FromHours(24).Add(TimeSpan.FromMinutes(1)));
        Assert.Equal(1, await referrals.MarkOverdueAsync(Ct));

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("1", Count(cut, "womens-federation", "overdue"));
            Assert.Equal("1", cut.Find("[data-testid=overdue-referrals]").GetAttribute("data-count"));
        }, TimeSpan.FromSeconds(10));
        var line = cut.Find("[data-testid=overdue-referral]");
        Assert.Equal(sent.Referral.Id.ToString(), line.GetAttribute("data-referral-id"));
        Assert.Contains("林*雨", line.TextContent, StringComparison.Ordinal);
        Assert.Contains("教育局 → 妇联", line.TextContent, StringComparison.Ordinal);
        Assert.Contains("应于 11-21 10:00 前接收", line.TextContent.Replace("2026-", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var overdueItems = cut.FindAll($"[data-testid=feed-item][data-kind=\"{BoardEventKinds.ReferralOverdue}\"]");
        Assert.Contains("逾期未接收", Assert.Single(overdueItems).TextContent, StringComparison.Ordinal);

        // Checked again and again, it is still one event.
        ctx.Clock.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await referrals.MarkOverdueAsync(Ct));
        Assert.Single(cut.FindAll($"[data-testid=feed-item][data-kind=\"{BoardEventKinds.ReferralOverdue}\"]"));
        Assert.DoesNotContain("林晓雨", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feed_tells_a_referral_and_its_acceptance_in_words()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var referrals = ctx.Services.GetRequiredService<ReferralService>();
        var child = await ReferralSetup.ChildAsync(ctx.Services.GetRequiredService<ScreeningService>(), ctx.Clock, ct: Ct);
        var sent = await referrals.CreateAsync(TestInputs.Education, ReferralSetup.ToFederation(child, "urgent"), Ct);
        await referrals.AcceptAsync(TestInputs.WomensFederation, sent.Referral.Id, 1, Ct);

        var cut = ctx.Render<BoardPage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=feed-item]")));
        var items = cut.FindAll("[data-testid=feed-item]");
        Assert.Contains("接收教育局转介的林*雨（溪美街道）：心理", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("转介林*雨（溪美街道）至妇联：心理，紧急", items[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("1", Count(cut, "womens-federation", "accepted"));
        Assert.Equal("0", Count(cut, "womens-federation", "waiting"));
    }
}
