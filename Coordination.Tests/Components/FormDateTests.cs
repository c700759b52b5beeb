using System.Globalization;
using Bunit;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Coordination.Web.Components.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;

namespace Coordination.Tests.Components;

/// <summary>The forms' one date converter: 2026年12月2日 in Chinese, 2 Dec 2026 in English, the usual typed forms read.</summary>
public sealed class FormDateTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static string Chinese(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-12-02")]
    [InlineData("2026-12-2")]
    [InlineData("2026/12/2")]
    [InlineData("2026.12.02")]
    [InlineData("20261202")]
    [InlineData("2026年12月2日")]
    [InlineData(" 2026 年 12 月 2 日 ")]
    [InlineData("２０２６－１２－０２")]
    [InlineData("2 Dec 2026")]
    [InlineData("December 2, 2026")]
    public void Each_usual_way_of_typing_a_date_is_read(string typed)
    {
        Assert.True(FormDate.TryRead(typed, out var date));
        Assert.Equal(new DateTime(2026, 12, 2), date);
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("2026-02-30")]
    [InlineData("明天")]
    [InlineData("12/2")]
    public void Text_that_is_not_a_date_is_not_read(string typed) => Assert.False(FormDate.TryRead(typed, out _));

    [Fact]
    public void An_empty_field_is_no_date() => Assert.Null(FormDate.Converter.ConvertBack("  "));

    [Fact]
    public async Task The_screening_form_shows_its_dates_in_Chinese_and_reads_a_typed_date()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var form = new RecordScreeningDriver(ctx, "health");

        Assert.Equal(Chinese(ctx.Clock.Today), form.Field("screening-date").GetAttribute("value"));
        form.Type("screening-date", "2025/3/4");
        form.Page.WaitForAssertion(() => Assert.Equal(new DateTime(2025, 3, 4), DateOf(form, "screening-date")));
        form.Page.WaitForAssertion(() => Assert.Equal("2025年3月4日", form.Field("screening-date").GetAttribute("value")));

        // The birth date the resident ID gives is shown the same way.
        form.NewChild("王小丽", TestResidentIds.Unique(new DateOnly(2016, 2, 3), Coordination.Core.Children.Sex.F), TestInputs.Township);
        Assert.Equal("2016年2月3日", form.Field("child-birth-date").GetAttribute("value"));
    }

    [Fact]
    public async Task In_English_the_form_shows_2_Dec_2026_style_and_reads_a_date_typed_in_Chinese()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        ctx.UseCulture("en-US");
        var form = new RecordScreeningDriver(ctx, "health");

        Assert.Equal(ctx.Clock.Today.ToString("d MMM yyyy", CultureInfo.InvariantCulture), form.Field("screening-date").GetAttribute("value"));
        form.Type("screening-date", "2025年3月4日");
        form.Page.WaitForAssertion(() => Assert.Equal(new DateTime(2025, 3, 4), DateOf(form, "screening-date")));
        form.Page.WaitForAssertion(() => Assert.Equal("4 Mar 2025", form.Field("screening-date").GetAttribute("value")));
    }

    private static DateTime? DateOf(RecordScreeningDriver form, string testId) =>
        form.Page.Field<MudDatePicker>(testId).Instance.Date;

    [Fact]
    public async Task A_typed_date_that_is_not_one_is_refused_at_the_field()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var form = new RecordScreeningDriver(ctx, "health");

        form.Type("screening-date", "明天");

        form.Page.WaitForAssertion(() => Assert.Contains("不是有效的日期", form.TextAt("screening-date"), StringComparison.Ordinal));
        Assert.Equal("明天", form.Field("screening-date").GetAttribute("value"));
    }

    [Fact]
    public async Task An_assistance_date_typed_in_Chinese_is_saved_as_that_day()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var registered = await ctx.Services.GetRequiredService<ScreeningService>()
            .RecordAsync(TestInputs.CivilAffairs, TestInputs.OfNewChild(TestInputs.CivilAffairs, TestInputs.NewChild(serial: 9), ctx.Clock.Today, "low"), Ct);
        ctx.WorkAs("womens-federation");
        var cut = AssistanceFormDriver.OpenFor(ctx, registered.ChildId);
        var day = ctx.Clock.Today.AddDays(-3);

        await cut.ChooseAsync("assistance-kind", "saturday-class");
        cut.Find("input[data-testid=assistance-date]").Change(Chinese(day));
        cut.Find("input[data-testid=assistance-count]").Change("1");
        cut.Find("[data-testid=assistance-save]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=assistance-saved]")));
        await using var db = ctx.Database.CreateDbContext();
        Assert.Equal(day, (await db.AssistanceRecords.SingleAsync(Ct)).Date);
    }
}
