using Bunit;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Coordination.Web.Components.Assistance;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;

namespace Coordination.Tests.Components;

public sealed class RecordAssistancePageTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static async Task<Guid> RegisterAsync(ComponentContext ctx)
    {
        var child = TestInputs.NewChild(serial: 7);
        var recorded = await ctx.Services.GetRequiredService<ScreeningService>()
            .RecordAsync(TestInputs.CivilAffairs, TestInputs.OfNewChild(TestInputs.CivilAffairs, child, ctx.Clock.Today, "low"), Ct);
        return recorded.ChildId;
    }

    [Fact]
    public async Task A_money_kind_needs_an_amount_and_is_saved_to_the_fen()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var child = await RegisterAsync(ctx);
        ctx.WorkAs("civil-affairs");
        var cut = AssistanceFormDriver.OpenFor(ctx, child);

        await cut.ChooseAsync("assistance-kind", "golden-autumn-aid");
        Assert.Empty(cut.FindAll("input[data-testid=assistance-count]"));
        cut.Find("[data-testid=assistance-save]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=assistance-invalid]")));
        Assert.Equal("请填写金额（元）。", cut.Field<MudNumericField<decimal?>>("assistance-amount").Instance.GetErrorText());
        await using (var db = ctx.Database.CreateDbContext())
        {
            Assert.Equal(0, await db.AssistanceRecords.CountAsync(Ct));
        }

        cut.Find("input[data-testid=assistance-amount]").Change("1234.56");
        cut.Find("[data-testid=assistance-save]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=assistance-saved]")));
        await using var check = ctx.Database.CreateDbContext();
        var record = await check.AssistanceRecords.SingleAsync(Ct);
        Assert.Equal(123456, record.AmountFen);
        Assert.Equal(0, record.Count);
        Assert.Equal(child, record.ChildId);
        Assert.Equal("civil-affairs", record.AgencyKey);
        // The only running programme of the kind was chosen for the liaison.
        Assert.Equal("golden-autumn-2026", record.ProgrammeKey);
    }

    [Fact]
    public async Task An_amount_with_more_than_two_decimals_is_refused_at_the_field()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var child = await RegisterAsync(ctx);
        ctx.WorkAs("health");
        var cut = AssistanceFormDriver.OpenFor(ctx, child);

        await cut.ChooseAsync("assistance-kind", "insurance-reduction");
        cut.Find("input[data-testid=assistance-amount]").Change("10.005");
        cut.Find("[data-testid=assistance-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("金额须大于 0，最多两位小数（元）。", cut.Field<MudNumericField<decimal?>>("assistance-amount").Instance.GetErrorText()));
    }

    [Fact]
    public async Task A_counted_kind_is_saved_with_its_count_under_the_kinds_programme()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var child = await RegisterAsync(ctx);
        ctx.WorkAs("womens-federation");
        var cut = AssistanceFormDriver.OpenFor(ctx, child);

        await cut.ChooseAsync("assistance-kind", "saturday-class");
        Assert.Empty(cut.FindAll("input[data-testid=assistance-amount]"));
        Assert.Equal("saturday-classes-2026", cut.Field<MudSelect<string>>("assistance-programme").Instance.GetState(x => x.Value));
        cut.Find("input[data-testid=assistance-count]").Change("3");
        cut.Find("textarea[data-testid=assistance-note]").Change("参加周六课堂");
        cut.Find("[data-testid=assistance-save]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=assistance-saved]")));
        await using var db = ctx.Database.CreateDbContext();
        var record = await db.AssistanceRecords.SingleAsync(Ct);
        Assert.Equal(3, record.Count);
        Assert.Equal(0, record.AmountFen);
        Assert.Equal("saturday-classes-2026", record.ProgrammeKey);
        Assert.Equal("参加周六课堂", record.Note);
    }

    [Fact]
    public async Task A_viewer_is_told_the_account_cannot_record_assistance()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        ctx.WorkAs("civil-affairs", Coordination.Core.Access.Role.Viewer);

        var cut = ctx.Render<RecordAssistancePage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=assistance-no-agency]")));
    }
}
