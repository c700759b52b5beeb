using Bunit;
using Coordination.Core.Children;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Coordination.Web.Components.Board;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Components;

public sealed class BoardPageTests
{
    private static int _serial;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static async Task<ScreeningRecorded> RecordAsync(ComponentContext ctx, string name, string risk = "high", string category = "left-behind")
    {
        var screenings = ctx.Services.GetRequiredService<ScreeningService>();
        var child = TestInputs.NewChild(name: name, serial: Interlocked.Increment(ref _serial), categories: category);
        return await screenings.RecordAsync(TestInputs.Education, TestInputs.OfNewChild(TestInputs.Education, child, ctx.Clock.Today, risk), Ct);
    }

    [Fact]
    public async Task An_empty_board_shows_zeroes_and_all_27_areas_in_Chinese()
    {
        await using var ctx = await ComponentContext.CreateAsync();

        var cut = ctx.Render<BoardPage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=board]")));
        Assert.Equal("0", cut.Find("[data-testid=kpi-active] [data-testid=kpi-value]").TextContent.Trim());
        Assert.Equal(27, cut.FindAll("[data-testid^=township-]").Count(e => e.GetAttribute("data-testid") != "township-tiles" && e.GetAttribute("data-testid") != "township-count"));
        Assert.Contains("在册儿童", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("暂无动态", cut.Markup, StringComparison.Ordinal);
        Assert.Equal(4, cut.FindAll("[data-testid^=agency-column-]").Count);
    }

    [Fact]
    public async Task A_screening_saved_elsewhere_updates_tiles_column_and_feed_live()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var cut = ctx.Render<BoardPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=board]")));

        var recorded = await RecordAsync(ctx, "陈小明");

        cut.WaitForAssertion(() =>
        {
            Assert.NotEmpty(cut.FindAll($"[data-testid=feed-item][data-sequence=\"{recorded.Sequence}\"]"));
            Assert.Equal("1", cut.Find("[data-testid=kpi-active] [data-testid=kpi-value]").TextContent.Trim());
            Assert.Equal("1", cut.Find("[data-testid=kpi-high-risk] [data-testid=kpi-value]").TextContent.Trim());
            Assert.Equal("1", cut.Find("[data-testid=kpi-category-left-behind] [data-testid=kpi-value]").TextContent.Trim());
        }, TimeSpan.FromSeconds(10));
        var column = cut.Find("[data-testid=agency-column-education]");
        Assert.Contains("陈*明", column.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", cut.Find($"[data-testid=township-{TestInputs.Township}] [data-testid=township-count]").TextContent.Trim());
        Assert.DoesNotContain("陈小明", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feed_lists_newest_first_with_its_sequence()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        await RecordAsync(ctx, "李一");
        var second = await RecordAsync(ctx, "王二");

        var cut = ctx.Render<BoardPage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=feed-item]")));
        var sequences = cut.FindAll("[data-testid=feed-item]").Select(e => long.Parse(e.GetAttribute("data-sequence")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(second.Sequence, sequences[0]);
        Assert.Equal(sequences.OrderDescending(), sequences);
        Assert.Equal(4, sequences.Count);
    }

    [Fact]
    public async Task A_name_with_markup_renders_as_text()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        await RecordAsync(ctx, "<script>alert(1)</script>");

        var cut = ctx.Render<BoardPage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=feed-item]")));
        Assert.Empty(cut.FindAll("script"));
        Assert.Contains("&lt;", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_board_speaks_English_when_chosen()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        ctx.UseCulture("en-US");
        await RecordAsync(ctx, "陈小明");

        var cut = ctx.Render<BoardPage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=feed-item]")));
        Assert.Contains("Children on the register", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Education Bureau", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("school survey", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("在册儿童", cut.Markup, StringComparison.Ordinal);
    }
}
