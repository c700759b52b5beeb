using Bunit;
using Coordination.Core.Assistance;
using Coordination.Core.Children;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Coordination.Web.Components.Admin;
using Coordination.Web.Components.Assistance;
using Coordination.Web.Components.Children;
using Coordination.Web.Components.Screenings;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Components;

/// <summary>The smaller pages around the register: editing a file, the programmes, the villages, and the way in from a profile.</summary>
public sealed class RegisterPagesTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static async Task<Guid> RegisterAsync(ComponentContext ctx, int serial = 9)
    {
        var child = TestInputs.NewChild(serial: serial);
        var recorded = await ctx.Services.GetRequiredService<ScreeningService>()
            .RecordAsync(TestInputs.CivilAffairs, TestInputs.OfNewChild(TestInputs.CivilAffairs, child, ctx.Clock.Today, "low"), Ct);
        return recorded.ChildId;
    }

    private static void Navigate(ComponentContext ctx, string uri) => ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(uri);

    [Fact]
    public async Task Recording_a_screening_from_a_profile_starts_with_that_child_chosen()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var id = await RegisterAsync(ctx);
        ctx.WorkAs("health");
        Navigate(ctx, $"/screenings/new?child={id}");

        var cut = ctx.Render<RecordScreeningPage>();

        cut.WaitForAssertion(() => Assert.Contains("陈小明", cut.Find("[data-testid=child-chosen]").TextContent, StringComparison.Ordinal));
        await cut.ChooseAsync("screening-risk", "low");
        cut.Find("[data-testid=record-save]").Click();
        cut.WaitForAssertion(() => Assert.Equal(id.ToString(), cut.Find("[data-testid=record-saved]").GetAttribute("data-child-id")));
    }

    [Fact]
    public async Task Editing_corrects_the_details_and_a_bad_phone_is_marked_at_its_field()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var id = await RegisterAsync(ctx);
        await ctx.Services.GetRequiredService<Coordination.Core.Reference.VillageService>().AddAsync(TestInputs.Admin, TestInputs.Township, "演示一村", Ct);
        ctx.WorkAs("education");
        var cut = ctx.Render<EditChildPage>(p => p.Add(c => c.Id, id));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=edit-save]")));

        cut.Find("input[data-testid=edit-guardian-phone]").Change("12345");
        cut.Find("[data-testid=edit-save]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=edit-invalid]")));
        Assert.Contains("电话", cut.Markup, StringComparison.Ordinal);

        cut.Find("input[data-testid=edit-guardian-phone]").Change("13800001111");
        cut.Find("input[data-testid=edit-guardian-name]").Change("陈大山");
        cut.Find("input[data-testid=edit-parents-work-place]").Change("广东省东莞市");
        await cut.ChooseAsync("edit-guardian-relation", "grandparent");
        await cut.ChooseAsync("edit-village", "演示一村");
        cut.Find("[data-testid=edit-save]").Click();

        cut.WaitForAssertion(() => Assert.EndsWith($"/children/{id}", ctx.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
        await using var db = ctx.Database.CreateDbContext();
        var child = await db.Children.SingleAsync(c => c.Id == id, Ct);
        Assert.Equal("13800001111", child.GuardianPhone);
        Assert.Equal("陈大山", child.GuardianName);
        Assert.Equal(GuardianRelation.Grandparent, child.GuardianRelation);
        Assert.Equal("广东省东莞市", child.ParentsWorkPlace);
        Assert.NotNull(child.VillageId);
        Assert.Equal(TestInputs.NewChild(serial: 9).ResidentId, child.ResidentId);
    }

    [Fact]
    public async Task The_programmes_page_shows_each_target_and_what_is_achieved()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var id = await RegisterAsync(ctx);
        await ctx.Services.GetRequiredService<AssistanceService>().RecordAsync(TestInputs.CivilAffairs,
            new RecordAssistance(id, "hope-cabin", "hope-cabins-2026", ctx.Clock.Today, 1, null, null), Ct);

        var cut = ctx.Render<ProgrammesPage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=programme]")));
        var cabins = cut.Find("[data-testid=programme][data-key=hope-cabins-2026]");
        Assert.Equal("1", cabins.QuerySelector("[data-testid=programme-achieved]")!.TextContent.Trim());
        Assert.Contains("50", cabins.QuerySelector("[data-testid=programme-target]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("希望小屋", cabins.TextContent, StringComparison.Ordinal);
        Assert.NotNull(cabins.QuerySelector("[data-testid=programme-progress]"));
        var saturday = cut.Find("[data-testid=programme][data-key=saturday-classes-2026]");
        Assert.Contains("26", saturday.QuerySelector("[data-testid=programme-target]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("个乡镇（街道）", saturday.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_village_is_added_to_its_township_and_a_duplicate_is_refused_at_the_name()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        ctx.WorkAs("civil-affairs", Coordination.Core.Access.Role.Admin);
        var cut = ctx.Render<VillagesPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=villages-empty]")));

        cut.Find("input[data-testid=village-name]").Input("溪美社区");
        cut.Find("[data-testid=village-add]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["溪美社区"], cut.FindAll("[data-testid=village-item]").Select(v => v.TextContent.Trim())));

        cut.Find("input[data-testid=village-name]").Input("溪美社区");
        cut.Find("[data-testid=village-add]").Click();

        cut.WaitForAssertion(() => Assert.Contains("该乡镇已有同名村（社区）。", cut.Markup, StringComparison.Ordinal));
        Assert.Single(cut.FindAll("[data-testid=village-item]"));
    }
}
