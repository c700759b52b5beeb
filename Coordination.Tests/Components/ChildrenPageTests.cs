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

    private static List<Guid> RowIds(IRenderedComponent<ChildrenPage> cut) =>
        cut.FindAll("[data-testid=child-row]").Select(r => Guid.Parse(r.GetAttribute("data-child-id")!)).ToList();

    private static int Total(IRenderedComponent<ChildrenPage> cut) =>
        int.Parse(cut.Find("[data-testid=children-total]").GetAttribute("data-total")!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_register_is_paged_on_the_server_with_the_total_of_all_pages()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var children = await RegisterAsync(ctx, 30);

        var cut = ctx.Render<ChildrenPage>();

        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("[data-testid=child-row]").Count));
        Assert.Equal(30, Total(cut));
        Assert.Contains("共 30 名", cut.Find("[data-testid=children-total]").TextContent, StringComparison.Ordinal);
        var firstPage = RowIds(cut);

        var pager = cut.FindComponent<MudPagination>();
        await cut.InvokeAsync(() => pager.Instance.SelectedChanged.InvokeAsync(2));

        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("[data-testid=child-row]").Count));
        Assert.Equal(children.Select(c => c.Id).Order(), firstPage.Concat(RowIds(cut)).Order());
        Assert.Contains("第 26–30 名，共 30 名", cut.Find("[data-testid=children-range]").TextContent, StringComparison.Ordinal);

        await cut.ChooseAsync("children-page-size", 50);

        cut.WaitForAssertion(() => Assert.Equal(30, cut.FindAll("[data-testid=child-row]").Count));
        Assert.Equal(30, Total(cut));
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
        Assert.All(cut.FindAll("[data-testid=child-row]"), row => Assert.Contains("柳城街道", row.TextContent, StringComparison.Ordinal));

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

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=child-row]").Count));
        var soonRow = cut.Find($"[data-testid=child-row][data-child-id=\"{soon.Id}\"]");
        var laterRow = cut.Find($"[data-testid=child-row][data-child-id=\"{later.Id}\"]");
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
