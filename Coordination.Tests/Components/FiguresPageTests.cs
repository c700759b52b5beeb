using Bunit;
using Coordination.Core;
using Coordination.Core.Access;
using Coordination.Core.Figures;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Coordination.Web.Components.Figures;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using static Coordination.Core.Figures.IndicatorCatalogue;

namespace Coordination.Tests.Components;

/// <summary>
/// /figures in bUnit: the reported-figures form refuses bad input at the field with the Chinese message and writes
/// nothing; a locked quarter's form says why it is closed and the page shows what arrived after the lock; another
/// agency's submission appears live.
/// </summary>
public sealed class FiguresPageTests
{
    private static readonly Quarter Q3 = new(2026, 3);

    // The machine is shared: a generous wait for the renderer, never a fixed delay.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static Actor Lead(string agency) => new(agency, agency + " lead", Role.Lead, From: "bunit");

    private static async Task<Guid> ScreenedInQ3Async(ComponentContext ctx)
    {
        var child = TestInputs.NewChild(serial: 41);
        return (await ctx.Services.GetRequiredService<ScreeningService>()
            .RecordAsync(TestInputs.CivilAffairs, TestInputs.OfNewChild(TestInputs.CivilAffairs, child, new DateOnly(2026, 8, 3)), Ct)).ChildId;
    }

    private static IRenderedComponent<FiguresPage> Render(ComponentContext ctx, Quarter quarter)
    {
        var nav = ctx.Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo(nav.GetUriWithQueryParameter("quarter", quarter.ToString()));
        var cut = ctx.Render<FiguresPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=signoff]")), Wait);
        return cut;
    }

    private static string Input(string key) => $"input[data-testid='reported-{key}']";

    [Fact]
    public async Task Bad_reported_figures_are_refused_at_their_fields_and_nothing_is_written()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        await ScreenedInQ3Async(ctx);
        ctx.WorkAs("womens-federation", Role.Lead);
        var cut = Render(ctx, Q3);

        cut.Find(Input(Volunteers)).Input("-3");
        cut.Find(Input(ParentSchools)).Input("四百");
        cut.Find("[data-testid=reported-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("不能为负数。", cut.Field<MudTextField<string>>("reported-" + Volunteers).Instance.GetErrorText()), Wait);
        Assert.Equal("请填写数字。", cut.Field<MudTextField<string>>("reported-" + ParentSchools).Instance.GetErrorText());
        await using (var db = ctx.Database.CreateDbContext())
        {
            Assert.Equal(0, await db.ReportedFigures.CountAsync(Ct));
        }

        cut.Find(Input(Volunteers)).Input("100001");
        cut.Find(Input(ParentSchools)).Input("42.5");
        cut.Find("[data-testid=reported-save]").Click();
        cut.WaitForAssertion(() => Assert.Equal("数量超出合理上限（100,000），请核对。", cut.Field<MudTextField<string>>("reported-" + Volunteers).Instance.GetErrorText()), Wait);
        Assert.Equal("请填写整数。", cut.Field<MudTextField<string>>("reported-" + ParentSchools).Instance.GetErrorText());

        cut.Find(Input(Volunteers)).Input("1280");
        cut.Find(Input(ParentSchools)).Input("429");
        cut.Find("[data-testid=reported-save]").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=reported-saved]")), Wait);
        await using var check = ctx.Database.CreateDbContext();
        Assert.Equal(1280m, (await check.ReportedFigures.SingleAsync(r => r.Key == Volunteers, Ct)).Value);
        cut.WaitForAssertion(() => Assert.Equal("429", cut.FindAll("[data-testid=reported-row]").Single(r => r.GetAttribute("data-key") == ParentSchools)
            .QuerySelector("[data-testid=reported-value]")!.TextContent.Trim()), Wait);
    }

    [Theory]
    [InlineData("2026Q5", "季度格式应为“年份Q季度”，例如 2026Q3。")]
    [InlineData("2027Q1", "该季度尚未开始，不能统计。")]
    [InlineData("2019Q4", "该季度早于看板的第一条记录，没有可统计的数据。")]
    [InlineData("", "请填写季度，例如 2026Q3。")]
    public async Task A_bad_quarter_at_the_picker_is_marked_at_the_field_and_the_shown_quarter_stays(string typed, string message)
    {
        await using var ctx = await ComponentContext.CreateAsync();
        await ScreenedInQ3Async(ctx);
        ctx.WorkAs("civil-affairs", Role.Lead);
        var cut = Render(ctx, Q3);
        var period = cut.Find("[data-testid=figures-fingerprint]").ParentElement!.TextContent;
        Assert.Contains("2026Q3", period, StringComparison.Ordinal);

        cut.Find("input[data-testid=figures-quarter]").Input(typed);
        cut.Find("[data-testid=figures-apply]").Click();

        cut.WaitForAssertion(() => Assert.Equal(message, cut.Field<MudTextField<string>>("figures-quarter").Instance.GetErrorText()), Wait);
        Assert.Equal(period, cut.Find("[data-testid=figures-fingerprint]").ParentElement!.TextContent);
    }

    [Fact]
    public async Task A_locked_quarter_closes_the_form_with_the_reason_and_shows_records_added_after_the_lock()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var child = await ScreenedInQ3Async(ctx);
        var signOff = ctx.Services.GetRequiredService<FiguresSignOffService>();
        foreach (var agency in AgencyOrder)
        {
            await signOff.SubmitAsync(Lead(agency), Q3, agency, Ct);
        }
        await signOff.LockAsync(Lead("civil-affairs"), Q3, Ct);
        await ctx.Services.GetRequiredService<ScreeningService>()
            .RecordAsync(TestInputs.CivilAffairs, TestInputs.OfChild(TestInputs.CivilAffairs, child, new DateOnly(2026, 9, 20)), Ct);
        ctx.WorkAs("civil-affairs", Role.Lead);

        var cut = Render(ctx, Q3);

        Assert.Equal("locked", cut.Find("[data-testid=signoff]").GetAttribute("data-state"));
        Assert.Contains("本季度数据已锁定", cut.Find("[data-testid=reported-closed]").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=reported-save]").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[data-testid=figures-submit]"));
        Assert.Empty(cut.FindAll("[data-testid=figures-lock]"));
        Assert.Contains("常态化摸排人次 +1", cut.Find("[data-testid=figures-added-after-lock]").TextContent, StringComparison.Ordinal);
        var household = cut.FindAll("[data-testid=figure-row]").Single(r => r.GetAttribute("data-key") == ScreeningsKey(ScreeningKind.Household));
        Assert.Equal("1", household.QuerySelector("[data-testid=figure-value]")!.TextContent.Trim());
        Assert.Equal("锁定后新增 +1", household.QuerySelector("[data-testid=figure-added]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Another_agencys_submission_shows_live_and_its_lead_may_then_lock()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        await ScreenedInQ3Async(ctx);
        var signOff = ctx.Services.GetRequiredService<FiguresSignOffService>();
        foreach (var agency in AgencyOrder.Where(a => a != "health"))
        {
            await signOff.SubmitAsync(Lead(agency), Q3, agency, Ct);
        }
        ctx.WorkAs("civil-affairs", Role.Lead);
        var cut = Render(ctx, Q3);
        string HealthState() => cut.FindAll("[data-testid=signoff-agency]").Single(a => a.GetAttribute("data-agency") == "health").GetAttribute("data-state")!;
        Assert.Equal("not-submitted", HealthState());
        Assert.Empty(cut.FindAll("[data-testid=figures-lock]"));

        await signOff.SubmitAsync(Lead("health"), Q3, "health", Ct);

        cut.WaitForAssertion(() => Assert.Equal("submitted", HealthState()), Wait);
        cut.Find("[data-testid=figures-lock]").Click();
        cut.WaitForAssertion(() => Assert.Equal("locked", cut.Find("[data-testid=signoff]").GetAttribute("data-state")), Wait);
        Assert.True((await signOff.StateAsync(Lead("health"), Q3, Ct)).IsLocked);
    }

    [Fact]
    public async Task A_number_opens_its_records_masked_and_the_opening_is_audited()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        await ScreenedInQ3Async(ctx);
        ctx.WorkAs("health", Role.Liaison);
        var cut = Render(ctx, Q3);
        var household = cut.FindAll("[data-testid=figure-row]").Single(r => r.GetAttribute("data-key") == ScreeningsKey(ScreeningKind.Household));

        household.QuerySelector("[data-testid=figure-open]")!.Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=figure-record]")), Wait);
        var records = cut.Find("[data-testid=figure-records]").TextContent;
        Assert.Contains("陈*明", records, StringComparison.Ordinal);
        Assert.DoesNotContain("陈小明", records, StringComparison.Ordinal);
        await using var db = ctx.Database.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync(e => e.Action == Coordination.Core.Audit.AuditActions.FigureRecordsOpened, Ct);
        Assert.Equal("health", audit.AgencyKey);
        Assert.Equal($"{Q3}/{ScreeningsKey(ScreeningKind.Household)}", audit.SubjectId);
    }

    [Fact]
    public async Task The_wall_display_sees_the_figures_but_no_number_opens_records()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        await ScreenedInQ3Async(ctx);
        ctx.WorkAs("civil-affairs", Role.Display);
        var cut = Render(ctx, Q3);

        Assert.NotEmpty(cut.FindAll("[data-testid=figure-row]"));
        Assert.Empty(cut.FindAll("[data-testid=figure-open]"));
        await Assert.ThrowsAsync<ForbiddenException>(() => ctx.Services.GetRequiredService<FiguresService>()
            .RecordsAsync(new Actor("civil-affairs", "wall", Role.Display), Q3, ScreeningsKey(ScreeningKind.Household), Ct));
    }
}
