using Bunit;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Coordination.Web.Components.Assistance;
using Coordination.Web.Components.Children;
using Coordination.Web.Components.Referrals;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Coordination.Tests.Components;

/// <summary>The one child search (a MudAutocomplete) as each form uses it: screening, assistance, referral and merge.</summary>
public sealed class ChildSearchTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static async Task<Guid> RegisterAsync(ComponentContext ctx, string name, int serial)
    {
        var child = TestInputs.NewChild(name: name, serial: serial);
        var recorded = await ctx.Services.GetRequiredService<ScreeningService>()
            .RecordAsync(TestInputs.CivilAffairs, TestInputs.OfNewChild(TestInputs.CivilAffairs, child, ctx.Clock.Today, "low"), Ct);
        return recorded.ChildId;
    }

    [Fact]
    public async Task The_screening_form_lists_the_matches_with_birth_date_and_township_and_a_click_chooses_one()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var chen = await RegisterAsync(ctx, "陈小明", serial: 1);
        await RegisterAsync(ctx, "李小红", serial: 2);
        var form = new RecordScreeningDriver(ctx, "womens-federation");
        var popovers = form.Popovers;

        form.Page.TypeSearch("小明");
        var match = Assert.Single(popovers.WaitForMatches());
        Assert.Equal(chen.ToString(), match.GetAttribute("data-child-id"));
        Assert.Contains("陈小明 · 男 · 2015年6月2日", match.TextContent, StringComparison.Ordinal);
        match.Click();

        form.Page.WaitForAssertion(() => Assert.Equal(chen.ToString(), form.Field("child-chosen").GetAttribute("data-child-id")));
        Assert.Equal("陈小明", form.Field("child-search").GetAttribute("value"));
        form.Choose("screening-risk", "低");
        form.Type("psych-score", "20");
        form.Save();
        Assert.Equal(chen.ToString(), form.WaitForSaved().GetAttribute("data-child-id"));
        // Saved: the form is ready for the next child, the search empty.
        form.Page.WaitForAssertion(() => Assert.True(string.IsNullOrEmpty(form.Field("child-search").GetAttribute("value"))));
        Assert.Empty(form.Page.FindAll("[data-testid=child-chosen]"));
    }

    [Fact]
    public async Task Nothing_found_says_so_in_the_forms_language()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        await RegisterAsync(ctx, "陈小明", serial: 1);
        var form = new RecordScreeningDriver(ctx, "civil-affairs");
        var popovers = form.Popovers;

        form.Page.TypeSearch("王");

        Assert.Equal("没有找到匹配的儿童，可改为“登记新儿童”。", popovers.WaitForNoMatch());
        Assert.Empty(form.Page.FindAll("[data-testid=child-chosen]"));
    }

    [Fact]
    public async Task In_English_nothing_found_is_said_in_English()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        ctx.UseCulture("en-US");
        ctx.WorkAs("education");
        var popovers = ctx.Render<MudPopoverProvider>();
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/referrals/new");
        var cut = ctx.Render<NewReferralPage>();

        cut.TypeSearch("Nobody");

        Assert.Equal("No child matches.", popovers.WaitForNoMatch());
    }

    [Fact]
    public async Task The_referral_form_lists_and_shows_the_chosen_child_masked()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var child = await ReferralSetup.ChildAsync(ctx.Services.GetRequiredService<ScreeningService>(), ctx.Clock, ct: Ct);
        ctx.WorkAs("education");
        var popovers = ctx.Render<MudPopoverProvider>();
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/referrals/new");
        var cut = ctx.Render<NewReferralPage>();

        cut.TypeSearch("林晓雨");
        var match = Assert.Single(popovers.WaitForMatches());
        Assert.StartsWith("林*雨 · ", match.TextContent.Trim(), StringComparison.Ordinal);
        match.Click();

        cut.WaitForAssertion(() => Assert.Equal(child.ToString(), cut.Find("[data-testid=child-chosen]").GetAttribute("data-child-id")));
        Assert.Equal("林*雨", cut.Find("input[data-testid=child-search]").GetAttribute("value"));
        Assert.DoesNotContain("林晓雨", cut.Markup, StringComparison.Ordinal);

        // Typed again as it shows, the chosen child's masked name finds that child (the masked text is never searched for).
        cut.TypeSearch("林");
        cut.TypeSearch("林*雨");
        Assert.Equal(child.ToString(), Assert.Single(popovers.WaitForMatches()).GetAttribute("data-child-id"));
    }

    [Fact]
    public async Task The_assistance_form_chooses_the_child_from_the_list()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var child = await RegisterAsync(ctx, "陈小明", serial: 1);
        ctx.WorkAs("civil-affairs");
        var popovers = ctx.Render<MudPopoverProvider>();
        var cut = ctx.Render<RecordAssistancePage>();

        cut.SearchAndChoose(popovers, "陈小明", child, "assistance-child-search", "assistance-child-result");

        cut.WaitForAssertion(() => Assert.Equal(child.ToString(), cut.Find("[data-testid=assistance-child]").GetAttribute("data-child-id")));
        Assert.Empty(cut.FindAll("input[data-testid=assistance-child-search]"));
    }

    [Fact]
    public async Task The_merge_search_never_offers_the_record_that_stays()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var kept = await RegisterAsync(ctx, "陈小明", serial: 1);
        var other = await RegisterAsync(ctx, "陈小明", serial: 2);
        ctx.WorkAs("civil-affairs", Coordination.Core.Access.Role.Lead);
        var popovers = ctx.Render<MudPopoverProvider>();
        var cut = ctx.Render<ChildProfilePage>(p => p.Add(c => c.Id, kept));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=action-merge]")));
        cut.Find("[data-testid=action-merge]").Click();

        cut.TypeSearch("陈小明", "merge-search");

        Assert.Equal(other.ToString(), Assert.Single(popovers.WaitForMatches("merge-result")).GetAttribute("data-child-id"));
        cut.TypeSearch("王", "merge-search");
        Assert.Equal("没有找到其他在册档案。", popovers.WaitForNoMatch("merge-none"));
    }
}
