using Bunit;
using Coordination.Core.Referrals;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Coordination.Web.Components.Referrals;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Components;

/// <summary>The referrals panel a child's profile shows: open ones first, with their histories, kept live.</summary>
public sealed class ChildReferralsTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Open_referrals_come_first_and_a_new_one_appears_live()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var referrals = ctx.Services.GetRequiredService<ReferralService>();
        var child = await ReferralSetup.ChildAsync(ctx.Services.GetRequiredService<ScreeningService>(), ctx.Clock, ct: Ct);
        var withdrawn = await referrals.CreateAsync(TestInputs.Education, ReferralSetup.ToFederation(child, "normal"), Ct);
        await referrals.WithdrawAsync(TestInputs.Education, withdrawn.Referral.Id, 1, "重复发送", Ct);
        ctx.Clock.Time.Advance(TimeSpan.FromMinutes(1));

        var cut = ctx.Render<ChildReferrals>(p => p.Add(x => x.ChildId, child));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=child-referral]")));
        var open = await referrals.CreateAsync(TestInputs.Health, new NewReferral(child, "civil-affairs", "living", "high", null), Ct);

        cut.WaitForAssertion(() => Assert.Equal(
            [open.Referral.Id.ToString(), withdrawn.Referral.Id.ToString()],
            cut.FindAll("[data-testid=child-referral]").Select(e => e.GetAttribute("data-referral-id"))), TimeSpan.FromSeconds(10));
        Assert.Equal(["pending", "withdrawn"], cut.FindAll("[data-testid=child-referral]").Select(e => e.GetAttribute("data-status")));
        Assert.Contains("重复发送", cut.Markup, StringComparison.Ordinal);
        Assert.Equal($"/referrals/new?child={child}", cut.Find("[data-testid=child-referral-new]").GetAttribute("href"));
    }
}
