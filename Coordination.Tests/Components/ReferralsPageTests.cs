using Bunit;
using Coordination.Core.Board;
using Coordination.Core.Referrals;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Coordination.Web.Components.Referrals;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Coordination.Tests.Components;

public sealed class ReferralsPageTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static async Task<(ReferralService Referrals, Guid Child)> SetUpAsync(ComponentContext ctx)
    {
        var child = await ReferralSetup.ChildAsync(ctx.Services.GetRequiredService<ScreeningService>(), ctx.Clock, ct: Ct);
        return (ctx.Services.GetRequiredService<ReferralService>(), child);
    }

    private static IRenderedComponent<ReferralsPage> RenderBox(ComponentContext ctx, string box = "inbox")
    {
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"/referrals?box={box}");
        var cut = ctx.Render<ReferralsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=box-counts]")));
        return cut;
    }

    private static string Status(IRenderedComponent<ReferralsPage> cut, Guid id) =>
        cut.Find($"[data-testid=referral-row][data-referral-id=\"{id}\"]").GetAttribute("data-status")!;

    [Fact]
    public async Task A_referral_sent_elsewhere_appears_in_the_receivers_inbox_live_with_its_count()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        ctx.WorkAs("womens-federation");
        var (referrals, child) = await SetUpAsync(ctx);
        var cut = RenderBox(ctx);
        Assert.NotEmpty(cut.FindAll("[data-testid=referrals-empty]"));

        var sent = await referrals.CreateAsync(TestInputs.Education, ReferralSetup.ToFederation(child), Ct);

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("pending", Status(cut, sent.Referral.Id));
            Assert.Equal("1", cut.Find("[data-testid=box-inbox-count]").TextContent.Trim());
            Assert.Equal("1", cut.Find("[data-testid=count-waiting]").GetAttribute("data-count"));
        }, TimeSpan.FromSeconds(10));
        var row = cut.Find("[data-testid=referral-row]");
        Assert.Contains("林*雨", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("教育局 → 妇联", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("紧急", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("林晓雨", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepting_from_the_inbox_moves_the_referral_and_the_history_shows_who()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        ctx.WorkAs("womens-federation");
        var (referrals, child) = await SetUpAsync(ctx);
        var sent = await referrals.CreateAsync(TestInputs.Education, ReferralSetup.ToFederation(child), Ct);
        var cut = RenderBox(ctx);

        cut.Find("[data-testid=referral-accept]").Click();

        cut.WaitForAssertion(() => Assert.Equal("accepted", Status(cut, sent.Referral.Id)));
        Assert.NotEmpty(cut.FindAll("[data-testid=referral-complete]"));
        Assert.Empty(cut.FindAll("[data-testid=referral-accept]"));
        cut.Find("[data-testid=referral-history-toggle]").Click();
        cut.WaitForAssertion(() => Assert.Equal(["created", "accepted"], cut.FindAll("[data-testid=referral-step]").Select(s => s.GetAttribute("data-action"))));
        Assert.Contains("妇联 · 联络员 · 接收", cut.Find("[data-testid=referral-history]").TextContent.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declining_without_a_reason_is_refused_at_the_field_and_changes_nothing()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        ctx.WorkAs("womens-federation");
        var (referrals, child) = await SetUpAsync(ctx);
        var sent = await referrals.CreateAsync(TestInputs.Education, ReferralSetup.ToFederation(child), Ct);
        var cut = RenderBox(ctx);

        cut.Find("[data-testid=referral-decline]").Click();
        cut.Find("[data-testid=referral-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Contains("请填写理由。", cut.Find("[data-testid=referral-action-panel]").TextContent, StringComparison.Ordinal));
        Assert.Equal("pending", Status(cut, sent.Referral.Id));
        var stored = (await referrals.DetailAsync(TestInputs.CivilAffairs, sent.Referral.Id, Ct))!;
        Assert.Equal((ReferralStatus.Pending, 1, 1), (stored.Referral.Status, stored.Referral.Version, stored.History.Count));

        cut.Find("textarea[data-testid=referral-reason], [data-testid=referral-reason] textarea, [data-testid=referral-reason]").Input("本部门暂无心理咨询师");
        cut.Find("[data-testid=referral-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Equal("declined", Status(cut, sent.Referral.Id)));
        Assert.Equal("本部门暂无心理咨询师", (await referrals.DetailAsync(TestInputs.CivilAffairs, sent.Referral.Id, Ct))!.Referral.DeclineReason);
    }

    [Fact]
    public async Task Withdrawing_without_a_reason_is_refused_at_the_field_and_changes_nothing()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        ctx.WorkAs("education");
        var (referrals, child) = await SetUpAsync(ctx);
        var sent = await referrals.CreateAsync(TestInputs.Education, ReferralSetup.ToFederation(child), Ct);
        var cut = RenderBox(ctx, "outbox");

        cut.Find("[data-testid=referral-withdraw]").Click();
        cut.Find("[data-testid=referral-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Contains("请填写理由。", cut.Find("[data-testid=referral-action-panel]").TextContent, StringComparison.Ordinal));
        var stored = (await referrals.DetailAsync(TestInputs.CivilAffairs, sent.Referral.Id, Ct))!;
        Assert.Equal((ReferralStatus.Pending, 1), (stored.Referral.Status, stored.Referral.Version));
        Assert.Empty(cut.FindAll("[data-testid=referral-accept]"));
    }

    [Fact]
    public async Task A_liaison_who_lost_the_race_is_told_who_accepted_it_and_sees_the_current_state()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        ctx.WorkAs("womens-federation");
        var (referrals, child) = await SetUpAsync(ctx);
        var sent = await referrals.CreateAsync(TestInputs.Education, ReferralSetup.ToFederation(child), Ct);
        var cut = RenderBox(ctx);
        cut.WaitForAssertion(() => Assert.Equal("pending", Status(cut, sent.Referral.Id)));

        // A colleague accepts first, in another server process: this page has not heard of it yet.
        var elsewhere = ReferralSetup.Service(ctx.Database, new InProcessBoardNotifier(NullLogger<InProcessBoardNotifier>.Instance), ctx.Clock);
        await elsewhere.AcceptAsync(new Coordination.Core.Actor("womens-federation", "联络员乙"), sent.Referral.Id, 1, Ct);
        cut.Find("[data-testid=referral-accept]").Click();

        cut.WaitForAssertion(() => Assert.Contains("此转介已被 妇联 接收", cut.Find("[data-testid=referral-conflict]").TextContent, StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Equal("accepted", Status(cut, sent.Referral.Id)));
        var stored = (await referrals.DetailAsync(TestInputs.CivilAffairs, sent.Referral.Id, Ct))!;
        Assert.Single(stored.History, s => s.Action == ReferralAction.Accepted);
        Assert.Equal("联络员乙", stored.History.Single(s => s.Action == ReferralAction.Accepted).Person);
    }

    [Fact]
    public async Task The_outbox_shows_what_this_agency_sent_and_filters_by_status_and_overdue()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        ctx.WorkAs("education");
        var (referrals, child) = await SetUpAsync(ctx);
        var urgent = await referrals.CreateAsync(TestInputs.Education, ReferralSetup.ToFederation(child, "urgent"), Ct);
        var normal = await referrals.CreateAsync(TestInputs.Education, ReferralSetup.ToFederation(child, "normal", "living"), Ct);
        await referrals.AcceptAsync(TestInputs.WomensFederation, normal.Referral.Id, 1, Ct);
        ctx.Clock.Time.Advance(TimeSpan.FromHours(25));
        await referrals.MarkOverdueAsync(Ct);
        var cut = RenderBox(ctx, "outbox");

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=referral-row]").Count));
        Assert.Equal("true", cut.Find($"[data-testid=referral-row][data-referral-id=\"{urgent.Referral.Id}\"]").GetAttribute("data-overdue"));
        Assert.Equal("1", cut.Find("[data-testid=count-overdue]").GetAttribute("data-count"));
        Assert.Equal(2, cut.FindAll("[data-testid=referral-withdraw]").Count);

        await cut.InvokeAsync(() => cut.FindComponent<MudBlazor.MudSwitch<bool>>().Instance.ValueChanged.InvokeAsync(true));
        cut.WaitForAssertion(() => Assert.Equal([urgent.Referral.Id.ToString()], cut.FindAll("[data-testid=referral-row]").Select(r => r.GetAttribute("data-referral-id"))));

        await cut.InvokeAsync(() => cut.FindComponent<MudBlazor.MudSwitch<bool>>().Instance.ValueChanged.InvokeAsync(false));
        await cut.InvokeAsync(() => cut.FindComponent<MudBlazor.MudSelect<string>>().Instance.ValueChanged.InvokeAsync("accepted"));
        cut.WaitForAssertion(() => Assert.Equal([normal.Referral.Id.ToString()], cut.FindAll("[data-testid=referral-row]").Select(r => r.GetAttribute("data-referral-id"))));
    }

    [Fact]
    public async Task A_viewer_of_the_receiving_agency_sees_the_referral_but_is_offered_no_action()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        ctx.WorkAs("womens-federation", Coordination.Core.Access.Role.Viewer);
        var (referrals, child) = await SetUpAsync(ctx);
        var sent = await referrals.CreateAsync(TestInputs.Education, ReferralSetup.ToFederation(child), Ct);

        var cut = RenderBox(ctx);

        cut.WaitForAssertion(() => Assert.Equal("pending", Status(cut, sent.Referral.Id)));
        Assert.Empty(cut.FindAll("[data-testid=referral-accept]"));
        Assert.Empty(cut.FindAll("[data-testid=referral-decline]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=referral-history-toggle]"));
    }

    [Fact]
    public async Task A_box_the_address_does_not_know_shows_the_inbox_and_a_click_shows_the_outbox_in_the_address()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        ctx.WorkAs("education");
        var (referrals, child) = await SetUpAsync(ctx);
        var sent = await referrals.CreateAsync(TestInputs.Education, ReferralSetup.ToFederation(child), Ct);

        var cut = RenderBox(ctx, "nonsense");

        // Education's inbox is empty; what it sent is in its outbox.
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=referrals-empty]")));
        Assert.Empty(cut.FindAll("[data-testid=referral-row]"));
        cut.Find("[data-testid=box-outbox]").Click();
        cut.WaitForAssertion(() => Assert.Equal("outbox", cut.Find("[data-testid=referrals-table]").GetAttribute("data-box")));
        cut.WaitForAssertion(() => Assert.Equal(sent.Referral.Id.ToString(), cut.Find("[data-testid=referral-row]").GetAttribute("data-referral-id")));
        Assert.EndsWith("box=outbox", ctx.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        Assert.NotEmpty(cut.FindAll("[data-testid=referral-withdraw]"));
    }

    [Fact]
    public async Task The_wall_display_account_is_told_it_cannot_see_referrals()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        ctx.WorkAs("civil-affairs", Coordination.Core.Access.Role.Display);

        var cut = ctx.Render<ReferralsPage>();

        Assert.NotEmpty(cut.FindAll("[data-testid=referrals-no-agency]"));
    }

    [Fact]
    public async Task The_page_speaks_English_when_chosen()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        ctx.UseCulture("en-US");
        ctx.WorkAs("womens-federation");
        var (referrals, child) = await SetUpAsync(ctx);
        await referrals.CreateAsync(TestInputs.Education, ReferralSetup.ToFederation(child), Ct);

        var cut = RenderBox(ctx);

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=referral-row]")));
        Assert.Contains("Inbox", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Education Bureau → Women's Federation", cut.Find("[data-testid=referral-row]").TextContent, StringComparison.Ordinal);
        Assert.Contains("urgent", cut.Find("[data-testid=urgency]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("收件箱", cut.Markup, StringComparison.Ordinal);
        cut.Find("[data-testid=referral-history-toggle]").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=referral-step]")));
        // The note is Chinese data; what joins it to its label is punctuation of the page's language, never "：".
        Assert.Contains(": 心灵微笑筛查得分偏高", cut.Find("[data-testid=referral-history]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("：", cut.Markup.Replace("心灵微笑筛查得分偏高，请安排心理辅导。", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
