using Bunit;
using Coordination.Core.Children;
using Coordination.Core.Reference;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Components;

/// <summary>Registering a child through a screening: never a second record of the same child.</summary>
public sealed class IntakeTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static readonly DateOnly Birth = new(2015, 6, 1);

    /// <summary>陈小明, born 2015-06-01 in 溪美街道, registered by the health bureau's check.</summary>
    private static async Task<ScreeningRecorded> RegisterAsync(ComponentContext ctx, int serial = 0)
    {
        var screenings = ctx.Services.GetRequiredService<ScreeningService>();
        var child = TestInputs.NewChild(serial: serial);
        return await screenings.RecordAsync(TestInputs.Health, TestInputs.OfNewChild(TestInputs.Health, child, ctx.Clock.Today), Ct);
    }

    [Fact]
    public async Task Registering_a_resident_id_already_on_the_register_records_the_screening_for_that_child()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var existing = await RegisterAsync(ctx);
        var form = new RecordScreeningDriver(ctx, "womens-federation");

        // The same child typed again at intake: the resident ID finds it (under another name it is refused: BadInputFormTests).
        form.NewChild("陈小明", TestResidentIds.For(Birth, Sex.M), "shishan-zhen");
        form.Page.WaitForAssertion(() =>
            Assert.Equal(existing.ChildId.ToString(), form.Field("child-id-registered").GetAttribute("data-child-id")));
        Assert.Contains("保存时筛查将记入该儿童", form.Field("child-id-registered").TextContent, StringComparison.Ordinal);
        form.Choose("screening-risk", "低");
        form.Type("psych-score", "20");
        var before = await ctx.Database.CountRowsAsync(Ct);

        form.Save();

        var saved = form.WaitForSaved();
        Assert.Equal(existing.ChildId.ToString(), saved.GetAttribute("data-child-id"));
        Assert.Equal("false", saved.GetAttribute("data-registered"));
        Assert.Contains("该儿童已存在，已记入该儿童", saved.TextContent, StringComparison.Ordinal);
        var after = await ctx.Database.CountRowsAsync(Ct);
        Assert.Equal(before.Children, after.Children);
        Assert.Equal(before.Screenings + 1, after.Screenings);
        await using var db = ctx.Database.CreateDbContext();
        Assert.Equal(2, await db.Screenings.CountAsync(s => s.ChildId == existing.ChildId, Ct));
        Assert.Equal("陈小明", (await db.Children.SingleAsync(Ct)).Name);
    }

    [Fact]
    public async Task A_child_with_the_same_name_birth_date_and_township_is_offered_and_saving_without_confirmation_is_refused()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var existing = await RegisterAsync(ctx, serial: 0);
        var form = new RecordScreeningDriver(ctx, "womens-federation");

        form.NewChild("陈小明", TestResidentIds.For(Birth, Sex.M, serial: 7), TestInputs.Township);

        form.Page.WaitForAssertion(() =>
            Assert.Equal(existing.ChildId.ToString(), form.Field("near-duplicate-child").GetAttribute("data-child-id")));
        Assert.Contains("可能是同一人", form.Field("near-duplicate").TextContent, StringComparison.Ordinal);
        Assert.Contains("350583********", form.Field("near-duplicate-child").TextContent, StringComparison.Ordinal);
        form.Choose("screening-risk", "低");
        form.Type("psych-score", "20");
        var before = await ctx.Database.CountRowsAsync(Ct);

        form.Save();

        form.WaitForRefusal();
        Assert.Contains("已有同名、同出生日期、同乡镇的儿童在册", form.TextAt("child-name"), StringComparison.Ordinal);
        Assert.Equal(before, await ctx.Database.CountRowsAsync(Ct));

        form.Click("near-duplicate-use");

        form.Page.WaitForAssertion(() => Assert.Equal(existing.ChildId.ToString(), form.Field("child-chosen").GetAttribute("data-child-id")));
        Assert.Empty(form.Page.FindAll("[data-testid=child-resident-id]"));
        form.Save();
        var saved = form.WaitForSaved();
        Assert.Equal(existing.ChildId.ToString(), saved.GetAttribute("data-child-id"));
        var after = await ctx.Database.CountRowsAsync(Ct);
        Assert.Equal(before.Children, after.Children);
        Assert.Equal(before.Screenings + 1, after.Screenings);
    }

    [Fact]
    public async Task A_near_duplicate_confirmed_as_another_child_is_registered()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        await RegisterAsync(ctx, serial: 0);
        var form = new RecordScreeningDriver(ctx, "womens-federation");
        form.NewChild("陈小明", TestResidentIds.For(Birth, Sex.M, serial: 7), TestInputs.Township);
        form.Page.WaitForElement("[data-testid=near-duplicate]");
        form.Choose("screening-risk", "低");
        form.Type("psych-score", "20");
        var before = await ctx.Database.CountRowsAsync(Ct);

        form.Tick("child-confirm-distinct");
        form.Save();

        var saved = form.WaitForSaved();
        Assert.Equal("true", saved.GetAttribute("data-registered"));
        Assert.Equal(before.Children + 1, (await ctx.Database.CountRowsAsync(Ct)).Children);
    }

    [Fact]
    public async Task A_near_duplicate_registered_elsewhere_while_the_form_is_open_is_refused_by_the_service_and_offered()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var form = new RecordScreeningDriver(ctx, "womens-federation");
        form.NewChild("陈小明", TestResidentIds.For(Birth, Sex.M, serial: 7), TestInputs.Township);
        form.Choose("screening-risk", "低");
        form.Type("psych-score", "20");
        Assert.Empty(form.Page.FindAll("[data-testid=near-duplicate]"));
        // Another liaison registers the same-looking child after the form looked: only the service can tell.
        var existing = await RegisterAsync(ctx, serial: 0);
        var before = await ctx.Database.CountRowsAsync(Ct);

        form.Save();

        form.WaitForRefusal();
        Assert.Contains("已有同名、同出生日期、同乡镇的儿童在册", form.TextAt("child-name"), StringComparison.Ordinal);
        Assert.Equal(existing.ChildId.ToString(), form.Field("near-duplicate-child").GetAttribute("data-child-id"));
        Assert.Equal(before, await ctx.Database.CountRowsAsync(Ct));

        form.Tick("child-confirm-distinct");
        form.Save();

        var saved = form.WaitForSaved();
        Assert.Equal("true", saved.GetAttribute("data-registered"));
        Assert.NotEqual(existing.ChildId.ToString(), saved.GetAttribute("data-child-id"));
        Assert.Equal(before.Children + 1, (await ctx.Database.CountRowsAsync(Ct)).Children);
    }

    [Fact]
    public async Task The_new_childs_village_guardian_and_parents_work_place_are_registered()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var villages = ctx.Services.GetRequiredService<VillageService>();
        await villages.AddAsync(TestInputs.Admin, "shishan-zhen", "测试一村", Ct);
        await villages.AddAsync(TestInputs.Admin, TestInputs.Township, "别处社区", Ct);
        var form = new RecordScreeningDriver(ctx, "health");
        form.NewChild("林晓雨", TestResidentIds.For(new DateOnly(2014, 6, 1), Sex.F), "shishan-zhen");

        Assert.Equal(["测试一村"], form.OptionsOf("child-village"));
        form.Choose("child-village", "测试一村");
        form.Type("child-school", "诗山中心小学");
        form.Type("child-grade", "五年级");
        form.Type("child-guardian-name", "林奶奶");
        form.Choose("child-guardian-relation", "祖父母/外祖父母");
        form.Type("child-guardian-phone", "13912345678");
        form.Type("child-parents-work-place", "广东省深圳市");
        form.Choose("screening-risk", "低");
        form.Save();

        var saved = form.WaitForSaved();
        await using var db = ctx.Database.CreateDbContext();
        var child = await db.Children.SingleAsync(c => c.Id == Guid.Parse(saved.GetAttribute("data-child-id")!), Ct);
        var village = await db.Villages.SingleAsync(v => v.Name == "测试一村", Ct);
        Assert.Equal(village.Id, child.VillageId);
        Assert.Equal("诗山中心小学", child.School);
        Assert.Equal("五年级", child.Grade);
        Assert.Equal("林奶奶", child.GuardianName);
        Assert.Equal(GuardianRelation.Grandparent, child.GuardianRelation);
        Assert.Equal("13912345678", child.GuardianPhone);
        Assert.Equal("广东省深圳市", child.ParentsWorkPlace);
    }

    [Fact]
    public async Task A_child_may_be_registered_with_the_township_only_but_not_with_a_bad_guardian_phone()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var form = new RecordScreeningDriver(ctx, "health");
        form.NewChild("林晓雨", TestResidentIds.For(new DateOnly(2014, 6, 1), Sex.F), "shishan-zhen");
        Assert.Contains("只登记到乡镇", form.TextAt("child-village"), StringComparison.Ordinal);
        form.Choose("screening-risk", "低");
        form.Type("child-guardian-phone", "12345");
        var before = await ctx.Database.CountRowsAsync(Ct);

        form.Save();

        form.WaitForRefusal();
        Assert.Contains("电话号码格式不正确", form.TextAt("child-guardian-phone"), StringComparison.Ordinal);
        Assert.Equal(before, await ctx.Database.CountRowsAsync(Ct));

        form.Type("child-guardian-phone", "");
        form.Save();

        form.WaitForSaved();
        Assert.Equal(before.Children + 1, (await ctx.Database.CountRowsAsync(Ct)).Children);
    }
}
