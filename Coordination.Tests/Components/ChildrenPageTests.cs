using System.Globalization;
using Bunit;
using Coordination.Core;
using Coordination.Core.Children;
using Coordination.Tests.Support;
using Coordination.Web.Components.Children;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Coordination.Tests.Components;

public sealed class ChildrenPageTests
{
    private const string OtherTownship = "liucheng-jiedao";

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    /// <summary>Puts children straight on the register (no screenings): the list is what is tested here.</summary>
    private static async Task<List<Child>> RegisterAsync(ComponentContext ctx, int count, string township = TestInputs.Township, DateOnly? birth = null, int firstSerial = 0)
    {
        await using var db = ctx.Database.CreateDbContext();
        var made = new List<Child>();
        for (var i = 0; i < count; i++)
        {
            var input = TestInputs.NewChild(name: "林" + (firstSerial + i).ToString("000", CultureInfo.InvariantCulture), birth: birth, serial: firstSerial + i, township: township);
            var child = Child.Register(input, TestInputs.CivilAffairs, ctx.Clock.Today, ctx.Clock.Board.Now);
            db.Children.Add(child);
            made.Add(child);
        }
        await db.SaveChangesAsync(Ct);
        return made;
    }

    private static List<AngleSharp.Dom.IElement> Rows(IRenderedComponent<ChildrenPage> cut) => [.. cut.FindAll("tr.child-row")];

    /// <summary>A row's child, read from its link to the profile.</summary>
    private static Guid IdOf(AngleSharp.Dom.IElement row) =>
        Guid.Parse(row.QuerySelector("a[data-testid=child-link]")!.GetAttribute("href")!["/children/".Length..]);

    private static AngleSharp.Dom.IElement RowOf(IRenderedComponent<ChildrenPage> cut, Guid id) => Rows(cut).Single(r => IdOf(r) == id);

    private static List<Guid> RowIds(IRenderedComponent<ChildrenPage> cut) => Rows(cut).Select(IdOf).ToList();

    private static AngleSharp.Dom.IElement PagerButton(IRenderedComponent<ChildrenPage> cut, string label) =>
        cut.Find($"[data-testid=children-pager] button[aria-label='{label}']");

    private static int Total(IRenderedComponent<ChildrenPage> cut) =>
        int.Parse(cut.Find("[data-testid=children-total]").GetAttribute("data-total")!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_register_is_paged_on_the_server_with_the_total_of_all_pages()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var children = await RegisterAsync(ctx, 30);

        var cut = ctx.Render<ChildrenPage>();

        cut.WaitForAssertion(() => Assert.Equal(25, Rows(cut).Count));
        Assert.Equal(30, Total(cut));
        Assert.Contains("共 30 名", cut.Find("[data-testid=children-total]").TextContent, StringComparison.Ordinal);
        var firstPage = RowIds(cut);

        PagerButton(cut, "下一页").Click();

        cut.WaitForAssertion(() => Assert.Equal(5, Rows(cut).Count));
        Assert.Equal(children.Select(c => c.Id).Order(), firstPage.Concat(RowIds(cut)).Order());
        Assert.Contains("第 26–30 名，共 30 名", cut.Find("[data-testid=children-pager]").TextContent, StringComparison.Ordinal);
        Assert.True(PagerButton(cut, "下一页").HasAttribute("disabled"));

        var pageSize = cut.FindComponent<MudDataGridPager<ChildRow>>().FindComponent<MudSelect<int>>();
        await cut.InvokeAsync(() => pageSize.Instance.ValueChanged.InvokeAsync(50));

        cut.WaitForAssertion(() => Assert.Equal(30, Rows(cut).Count));
        Assert.Equal(30, Total(cut));
    }

    private static void SortBy(IRenderedComponent<ChildrenPage> cut, string title) =>
        cut.FindAll("th").Single(th => th.TextContent.Trim() == title).QuerySelector(".sortable-column-header")!.Click();

    [Fact]
    public async Task A_column_orders_the_whole_register_on_the_server_and_a_second_click_reverses_it()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var children = await RegisterAsync(ctx, 30);
        var byName = children.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => c.Id).ToList();
        var cut = ctx.Render<ChildrenPage>();
        cut.WaitForAssertion(() => Assert.Equal(25, Rows(cut).Count));

        SortBy(cut, "姓名");

        cut.WaitForAssertion(() => Assert.Equal(byName.Take(25), RowIds(cut)));
        PagerButton(cut, "下一页").Click();
        cut.WaitForAssertion(() => Assert.Equal(byName.Skip(25), RowIds(cut)));

        SortBy(cut, "姓名");

        // A new order starts again at the first page, now from the end of the alphabet.
        cut.WaitForAssertion(() => Assert.Equal(Enumerable.Reverse(byName).Take(25), RowIds(cut)));
    }

    [Fact]
    public async Task A_filter_changed_on_a_later_page_shows_the_first_page_of_its_result()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        await RegisterAsync(ctx, 30);
        var others = await RegisterAsync(ctx, 27, OtherTownship, firstSerial: 100);
        var cut = ctx.Render<ChildrenPage>();
        cut.WaitForAssertion(() => Assert.Equal(57, Total(cut)));
        PagerButton(cut, "下一页").Click();
        cut.WaitForAssertion(() => Assert.Contains("第 26–50 名", cut.Find("[data-testid=children-pager]").TextContent, StringComparison.Ordinal));

        await cut.ChooseAsync("filter-township", OtherTownship);

        cut.WaitForAssertion(() => Assert.Equal(27, Total(cut)));
        cut.WaitForAssertion(() => Assert.Contains("第 1–25 名，共 27 名", cut.Find("[data-testid=children-pager]").TextContent, StringComparison.Ordinal));
        Assert.Subset(others.Select(c => c.Id).ToHashSet(), RowIds(cut).ToHashSet());
    }

    [Fact]
    public async Task Filtering_by_township_lists_only_that_townships_children()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        await RegisterAsync(ctx, 3);
        var others = await RegisterAsync(ctx, 2, OtherTownship, firstSerial: 100);
        var cut = ctx.Render<ChildrenPage>();
        cut.WaitForAssertion(() => Assert.Equal(5, Total(cut)));

        await cut.ChooseAsync("filter-township", OtherTownship);

        cut.WaitForAssertion(() => Assert.Equal(2, Total(cut)));
        Assert.Equal(others.Select(c => c.Id).Order(), RowIds(cut).Order());
        Assert.All(Rows(cut), row => Assert.Contains("柳城街道", row.TextContent, StringComparison.Ordinal));

        await cut.ChooseAsync<string?>("filter-township", null);

        cut.WaitForAssertion(() => Assert.Equal(5, Total(cut)));
    }

    [Fact]
    public async Task Typing_the_whole_resident_ID_finds_that_child()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var children = await RegisterAsync(ctx, 12);
        var wanted = children[7];
        var cut = ctx.Render<ChildrenPage>();
        cut.WaitForAssertion(() => Assert.Equal(12, Total(cut)));

        cut.Find("input[data-testid=filter-text]").Input(wanted.ResidentId);

        cut.WaitForAssertion(() => Assert.Equal([wanted.Id], RowIds(cut)), TimeSpan.FromSeconds(5));
        Assert.Equal(1, Total(cut));
        // The list shows the ID masked, never in full.
        Assert.Equal(wanted.MaskedResidentId, cut.Find("[data-testid=child-resident-id]").TextContent.Trim());
        // Only the search box holds what was typed into it; the list itself never shows the number.
        Assert.DoesNotContain(wanted.ResidentId, cut.Find("[data-testid=children-table]").OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_link_to_the_profile_and_mark_a_child_turning_18_within_a_month()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var today = ctx.Clock.Today;
        var soon = (await RegisterAsync(ctx, 1, birth: today.AddYears(-18).AddDays(20)))[0];
        var later = (await RegisterAsync(ctx, 1, birth: today.AddYears(-17), firstSerial: 50))[0];

        var cut = ctx.Render<ChildrenPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, Rows(cut).Count));
        var soonRow = RowOf(cut, soon.Id);
        var laterRow = RowOf(cut, later.Id);
        Assert.NotNull(soonRow.QuerySelector("[data-testid=turning-18]"));
        Assert.Null(laterRow.QuerySelector("[data-testid=turning-18]"));
        Assert.Equal($"/children/{soon.Id}", soonRow.QuerySelector("a[data-testid=child-link]")!.GetAttribute("href"));
        Assert.NotNull(soonRow.QuerySelector("[data-testid=risk]"));
    }

    [Fact]
    public async Task Closed_files_are_listed_only_when_asked_for()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var children = await RegisterAsync(ctx, 3);
        await ctx.Services.GetRequiredService<ChildService>().CloseAsync(TestInputs.CivilAffairs, children[0].Id, ClosureReason.MovedAway, null, Ct);
        var cut = ctx.Render<ChildrenPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, Total(cut)));

        await cut.ChooseAsync("filter-status", ChildStatus.Closed.Key());

        cut.WaitForAssertion(() => Assert.Equal([children[0].Id], RowIds(cut)));
        Assert.Contains("已结案", cut.Find("[data-testid=child-status]").TextContent, StringComparison.Ordinal);
    }
}
