using Bunit;
using Coordination.Core;
using Coordination.Core.Access;
using Coordination.Core.Children;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Coordination.Core.Assistance;
using Coordination.Web.Components.Assistance;
using Coordination.Web.Components.Children;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Components;

/// <summary>
/// Issue 8's bad inputs where a person can type them: the message stands at the field, nothing is written; a stale
/// edit says who changed the record and offers to reload; another township's file is a refusal on the page.
/// </summary>
public sealed class BadInputFormTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static async Task<Guid> RegisterAsync(ComponentContext ctx, NewChild child)
    {
        var recorded = await ctx.Services.GetRequiredService<ScreeningService>()
            .RecordAsync(TestInputs.CivilAffairs, TestInputs.OfNewChild(TestInputs.CivilAffairs, child, ctx.Clock.Today, "low"), Ct);
        return recorded.ChildId;
    }

    [Theory]
    [InlineData("王\u202E丽", "含有不允许的字符")]
    [InlineData("\u200B\u200B", "只有不可见的字符")]
    public async Task A_name_with_a_bidi_override_or_only_invisible_characters_is_refused_at_the_name(string name, string message)
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var form = new RecordScreeningDriver(ctx, "health");
        form.NewChild(name, TestResidentIds.Unique(new DateOnly(2016, 2, 3), Sex.F), TestInputs.Township);
        form.Choose("screening-risk", "低");
        var before = await ctx.Database.CountRowsAsync(Ct);

        form.Save();
        form.WaitForRefusal();

        Assert.Contains(message, form.TextAt("child-name"), StringComparison.Ordinal);
        Assert.Equal(before, await ctx.Database.CountRowsAsync(Ct));
    }

    [Fact]
    public async Task A_new_child_whose_resident_id_is_registered_under_another_name_is_refused_and_the_form_shows_the_registered_child()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var registered = TestInputs.NewChild("陈小明", serial: 61);
        var id = await RegisterAsync(ctx, registered);
        var form = new RecordScreeningDriver(ctx, "health");
        form.NewChild("王小丽", registered.ResidentId!, TestInputs.Township);
        form.Choose("screening-risk", "低");
        var before = await ctx.Database.CountRowsAsync(Ct);

        form.Save();
        form.WaitForRefusal();

        Assert.Contains("该身份证号已登记在另一名儿童名下", form.TextAt("child-resident-id"), StringComparison.Ordinal);
        var shown = form.Page.Find("[data-testid=child-id-registered]");
        Assert.Equal(id.ToString(), shown.GetAttribute("data-child-id"));
        Assert.Contains("陈小明", shown.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await ctx.Database.CountRowsAsync(Ct));
    }

    [Fact]
    public async Task A_stale_edit_says_who_changed_the_record_writes_nothing_and_reloads_on_request()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var identity = TestInputs.NewChild("陈小明", serial: 62);
        var id = await RegisterAsync(ctx, identity);
        ctx.WorkAs("health");
        var cut = ctx.Render<EditChildPage>(p => p.Add(c => c.Id, id));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=edit-save]")));
        // Meanwhile someone at the Education Bureau corrects the guardian.
        int version;
        await using (var db = ctx.Database.CreateDbContext())
        {
            version = (await db.Children.AsNoTracking().SingleAsync(c => c.Id == id, Ct)).Version;
        }
        await ctx.Services.GetRequiredService<ChildService>().UpdateAsync(
            TestInputs.Education with { Account = "wang@education.test" }, id, new UpdateChild(identity, new ChildDetails(GuardianName: "陈大山"), version), Ct);

        cut.Find("input[data-testid=edit-guardian-name]").Change("陈二山");
        cut.Find("[data-testid=edit-save]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=edit-conflict]")));
        var conflict = cut.Find("[data-testid=edit-conflict]").TextContent;
        Assert.Contains("教育局", conflict, StringComparison.Ordinal);
        Assert.Contains("wang@education.test", conflict, StringComparison.Ordinal);
        await using (var db = ctx.Database.CreateDbContext())
        {
            Assert.Equal("陈大山", (await db.Children.AsNoTracking().SingleAsync(c => c.Id == id, Ct)).GuardianName);
        }

        cut.Find("[data-testid=edit-reload]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=edit-conflict]")));
        Assert.Equal("陈大山", cut.Find("input[data-testid=edit-guardian-name]").GetAttribute("value"));
    }

    [Fact]
    public async Task A_township_opening_another_townships_child_sees_a_refusal_not_an_error()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var id = await RegisterAsync(ctx, TestInputs.NewChild("陈小明", serial: 63)); // in ximei-jiedao
        ctx.WorkAs("civil-affairs", Role.Township, township: "shishan-zhen");

        var cut = ctx.Render<ChildProfilePage>(p => p.Add(c => c.Id, id));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=child-forbidden]")));
        Assert.Empty(cut.FindAll("[data-testid=child-profile]"));
        Assert.DoesNotContain("陈小明", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Findings_longer_than_the_limit_are_refused_at_the_findings_and_nothing_is_written()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var form = new RecordScreeningDriver(ctx, "health");
        form.NewChild("王小丽", TestResidentIds.Unique(new DateOnly(2016, 2, 3), Sex.F), TestInputs.Township);
        form.Choose("screening-risk", "低");
        form.Type("screening-findings", new string('查', ScreeningRules.FindingsMaxLength + 1));
        var before = await ctx.Database.CountRowsAsync(Ct);

        form.Save();
        form.WaitForRefusal();

        Assert.Contains("发现情况过长", form.TextAt("screening-findings"), StringComparison.Ordinal);
        Assert.Equal(before, await ctx.Database.CountRowsAsync(Ct));
    }

    [Theory]
    [InlineData("1999-12-31", "日期过早（2000 年以前）")]
    [InlineData("2015-06-01", "日期早于儿童的出生日期")]
    public async Task A_screening_date_before_2000_or_before_the_childs_birth_is_refused_at_the_date(string date, string message)
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var form = new RecordScreeningDriver(ctx, "health");
        form.NewChild("王小丽", TestResidentIds.Unique(new DateOnly(2016, 2, 3), Sex.F), TestInputs.Township);
        form.Choose("screening-risk", "低");
        form.Type("screening-date", date);
        var before = await ctx.Database.CountRowsAsync(Ct);

        form.Save();
        form.WaitForRefusal();

        Assert.Contains(message, form.TextAt("screening-date"), StringComparison.Ordinal);
        Assert.Equal(before, await ctx.Database.CountRowsAsync(Ct));
    }

    [Fact]
    public async Task A_closure_note_longer_than_the_limit_is_refused_at_the_note_and_the_file_stays_open()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var id = await RegisterAsync(ctx, TestInputs.NewChild("陈小明", serial: 64));
        ctx.WorkAs("education");
        var cut = ctx.Render<ChildProfilePage>(p => p.Add(c => c.Id, id));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=action-close]")));

        cut.Find("[data-testid=action-close]").Click();
        await cut.ChooseAsync("close-reason", ClosureReason.Other.Key());
        cut.Find("[data-testid=close-note]").Change(new string('述', ChildRules.ClosureNoteMaxLength + 1));
        cut.Find("[data-testid=close-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Contains("内容过长", cut.Find("[data-testid=close-panel]").TextContent, StringComparison.Ordinal));
        Assert.Equal("active", cut.Find("[data-testid=child-profile]").GetAttribute("data-status"));
        await using var db = ctx.Database.CreateDbContext();
        var child = await db.Children.AsNoTracking().SingleAsync(c => c.Id == id, Ct);
        Assert.Equal(ChildStatus.Active, child.Status);
        Assert.Null(child.ClosureNote);
    }

    [Theory]
    [InlineData("1000000000000000000000000000", "", "assistance-amount", "金额须大于 0")]
    [InlineData("2000", "1999-12-31", "assistance-date", "日期过早（2000 年以前）")]
    public async Task An_assistance_amount_of_1e27_or_a_date_before_2000_is_refused_at_its_field_and_nothing_is_written(string amount, string date, string field, string message)
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var id = await RegisterAsync(ctx, TestInputs.NewChild("陈小明", serial: 65));
        ctx.WorkAs("civil-affairs");
        var cut = AssistanceFormDriver.OpenFor(ctx, id);

        await cut.ChooseAsync("assistance-kind", AssistanceKind.GoldenAutumnAid.Key());
        cut.Find("input[data-testid=assistance-amount]").Change(amount);
        if (date.Length > 0)
        {
            cut.Find("input[data-testid=assistance-date]").Change(date);
        }
        cut.Find("[data-testid=assistance-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains(message, cut.Find($"[data-testid={field}]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=assistance-saved]"));
        await using var db = ctx.Database.CreateDbContext();
        Assert.Equal(0, await db.AssistanceRecords.CountAsync(Ct));
    }
}
