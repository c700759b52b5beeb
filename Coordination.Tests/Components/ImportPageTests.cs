using Bunit;
using Coordination.Core;
using Coordination.Core.Access;
using Coordination.Core.Children;
using Coordination.Core.Screenings;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Coordination.Tests.Support;
using Coordination.Web.Components.Import;
using Coordination.Web.Components.Layout;

namespace Coordination.Tests.Components;

/// <summary>The import page's own refusals: who may not screen may not import, and is not offered the way there.</summary>
public sealed class ImportPageTests
{
    [Theory]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Display)]
    [InlineData(Role.Admin)]
    public async Task Who_may_not_screen_is_refused_on_the_page_and_not_offered_it(Role role)
    {
        await using var ctx = await ComponentContext.CreateAsync();
        ctx.WorkAs("civil-affairs", role);

        var cut = ctx.Render<ImportPage>();

        Assert.NotNull(cut.Find("[data-testid=import-forbidden]"));
        Assert.Empty(cut.FindAll("input[type=file]"));
        Assert.Empty(cut.FindAll("[data-testid=import-template]"));
        Assert.DoesNotContain(NavEntry.For(new Actor("civil-affairs", "x", role)), e => e.Href == "/import");
    }

    [Fact]
    public async Task A_liaison_is_offered_the_template_and_the_upload_of_its_own_screening_kind()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        ctx.WorkAs("education");

        var cut = ctx.Render<ImportPage>();

        Assert.Empty(cut.FindAll("[data-testid=import-forbidden]"));
        Assert.NotNull(cut.Find("input[type=file]"));
        Assert.NotNull(cut.Find("[data-testid=import-template]"));
        Assert.Contains("在校摸底", cut.Markup, StringComparison.Ordinal);
        Assert.Contains(NavEntry.For(new Actor("education", "x", Role.Liaison)), e => e.Href == "/import");
    }
    [Fact]
    public async Task A_near_duplicate_is_shown_beside_the_child_on_the_register_and_imported_only_once_the_clerk_says_it_is_another()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var ct = Xunit.TestContext.Current.CancellationToken;
        var birth = new DateOnly(2015, 6, 1);
        await ctx.Services.GetRequiredService<ScreeningService>()
            .RecordAsync(TestInputs.CivilAffairs, TestInputs.OfNewChild(TestInputs.CivilAffairs, TestInputs.NewChild("陈小明", birth: birth, serial: 1), ctx.Clock.Today, "low"), ct);
        // Same name, birth date and township, another resident ID: perhaps the same child typed again.
        var file = ImportFiles.Xlsx(["姓名", "性别", "出生日期", "身份证号", "乡镇", "儿童类别", "摸排日期", "风险等级"],
            [["陈小明", "男", "2015-06-01", TestResidentIds.For(birth, Sex.M, 77), "溪美街道", "留守儿童", ctx.Clock.Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "低"]]);
        ctx.WorkAs("education");
        var cut = ctx.Render<ImportPage>();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(file, "register.xlsx"));

        cut.WaitForAssertion(() => Assert.Equal("near-duplicate", cut.Find("[data-testid=import-outcome-2]").GetAttribute("data-outcome")), TimeSpan.FromSeconds(10));
        Assert.Contains("陈小明", cut.Find("[data-testid=import-rows]").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=import-apply]").HasAttribute("disabled"));

        cut.Find("[data-testid=import-distinct-2]").Change(true);
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=import-apply]").HasAttribute("disabled")));
        cut.Find("[data-testid=import-apply]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=import-done]")), TimeSpan.FromSeconds(10));
        await using var db = await ctx.Services.GetRequiredService<IDbContextFactory<Coordination.Core.Data.CoordinationDbContext>>().CreateDbContextAsync(ct);
        Assert.Equal(2, await db.Children.CountAsync(c => c.Name == "陈小明", ct));
    }
}
