using Bunit;
using Coordination.Core.Referrals;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Coordination.Web.Components.Referrals;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Coordination.Tests.Components;

public sealed class NewReferralPageTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static async Task<Guid> ChildAsync(ComponentContext ctx) =>
        await ReferralSetup.ChildAsync(ctx.Services.GetRequiredService<ScreeningService>(), ctx.Clock, ct: Ct);

    private static IRenderedComponent<NewReferralPage> RenderAt(ComponentContext ctx, string url)
    {
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return ctx.Render<NewReferralPage>();
    }

    private static Task ChooseAsync(IRenderedComponent<NewReferralPage> cut, string testId, string value) =>
        cut.InvokeAsync(() => cut.FindComponents<MudSelect<string>>()
            .Single(s => s.FindAll($"[data-testid={testId}]").Count > 0)
            .Instance.ValueChanged.InvokeAsync(value));

    [Fact]
    public async Task Opened_from_a_screenings_need_the_form_is_prefilled_and_shows_the_child_masked()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        ctx.WorkAs("education");
        var child = await ChildAsync(ctx);

        var cut = RenderAt(ctx, $"/referrals/new?child={child}&need=medical");

        cut.WaitForAssertion(() => Assert.Equal(child.ToString(), cut.Find("[data-testid=child-chosen]").GetAttribute("data-child-id")));
        Assert.Contains("林*雨", cut.Find("[data-testid=child-chosen]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("林晓雨", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("医疗", cut.Find("[data-testid=referral-need]").TextContent.Trim());
        // An agency does not refer to itself: it is not offered.
        Assert.DoesNotContain(cut.FindComponents<MudSelectItem<string>>(), i => i.Instance.Value == "education");
    }

    [Fact]
    public async Task Sending_saves_the_referral_and_goes_to_the_outbox()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        ctx.WorkAs("education");
        var child = await ChildAsync(ctx);
        var cut = RenderAt(ctx, $"/referrals/new?child={child}&need=psychological");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=child-chosen]")));

        await ChooseAsync(cut, "referral-to", "womens-federation");
        await ChooseAsync(cut, "referral-urgency", "high");
        cut.Find("[data-testid=referral-save]").Click();

        var nav = ctx.Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Contains("/referrals?box=outbox", nav.Uri, StringComparison.Ordinal));
        var saved = Assert.Single(await ctx.Services.GetRequiredService<ReferralService>().ForChildAsync(TestInputs.CivilAffairs, child, Ct)).Referral;
        Assert.Equal(("education", "womens-federation", Need.Psychological, ReferralUrgency.High), (saved.FromAgencyKey, saved.ToAgencyKey, saved.Need, saved.Urgency));
        Assert.Contains(saved.Id.ToString(), nav.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_child_and_agency_are_marked_at_their_fields_and_nothing_is_sent()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        ctx.WorkAs("education");
        var child = await ChildAsync(ctx);
        var cut = RenderAt(ctx, "/referrals/new");

        cut.Find("[data-testid=referral-save]").Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=referral-invalid]")));
        Assert.Contains("请选择转介至哪个部门。", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("请选择需求。", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(await ctx.Services.GetRequiredService<ReferralService>().ForChildAsync(TestInputs.CivilAffairs, child, Ct));
    }

    [Fact]
    public async Task The_urgency_says_its_due_times()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        ctx.WorkAs("health");
        var cut = RenderAt(ctx, "/referrals/new");

        Assert.Contains("须在 7 天 内接收、30 天 内办结", cut.Markup, StringComparison.Ordinal);
        await ChooseAsync(cut, "referral-urgency", "urgent");
        cut.WaitForAssertion(() => Assert.Contains("须在 24 小时 内接收、3 天 内办结", cut.Markup, StringComparison.Ordinal));
    }
}
