using Bunit;
using Coordination.Core;
using Coordination.Core.Assistance;
using Coordination.Core.Children;
using Coordination.Core.Screenings;
using Coordination.Core.Screenings.Details;
using Coordination.Tests.Support;
using Coordination.Web.Components.Children;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Components;

public sealed class ChildProfilePageTests
{
    private const string Entries = "[data-testid=timeline-screening], [data-testid=timeline-assistance], [data-testid=timeline-event]";

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static ScreeningService Screenings(ComponentContext ctx) => ctx.Services.GetRequiredService<ScreeningService>();

    private static async Task<Guid> RegisterAsync(ComponentContext ctx, string name = "陈小明", int serial = 1, params string[] categories)
    {
        var child = TestInputs.NewChild(name: name, serial: serial, categories: categories);
        var recorded = await Screenings(ctx).RecordAsync(TestInputs.CivilAffairs, TestInputs.OfNewChild(TestInputs.CivilAffairs, child, ctx.Clock.Today, "low"), Ct);
        return recorded.ChildId;
    }

    private static IRenderedComponent<ChildProfilePage> RenderProfile(ComponentContext ctx, Guid id)
    {
        var cut = ctx.Render<ChildProfilePage>(p => p.Add(c => c.Id, id));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=child-profile]")));
        return cut;
    }

    [Fact]
    public async Task The_profile_says_in_Chinese_why_an_unsupported_child_without_a_guardian_phone_is_at_high_risk()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var id = await RegisterAsync(ctx, categories: "de-facto-unsupported");

        var cut = RenderProfile(ctx, id);

        var reasons = cut.FindAll("[data-testid=risk-reason]");
        var reason = Assert.Single(reasons, r => r.GetAttribute("data-code") == "Risk.Reason.UnsupportedNoGuardian");
        Assert.Contains("事实无人抚养或孤儿，且无可联系的监护人", reason.TextContent, StringComparison.Ordinal);
        Assert.Equal("high", cut.Find("[data-testid=child-risk] [data-testid=risk]").GetAttribute("data-risk"));
        Assert.Equal("high", cut.Find("[data-testid=child-profile]").GetAttribute("data-risk"));
    }

    [Fact]
    public async Task The_profile_shows_the_record_with_the_resident_ID_masked()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var id = await RegisterAsync(ctx, categories: ["left-behind", "low-income"]);
        await using (var db = ctx.Database.CreateDbContext())
        {
            var stored = await db.Children.SingleAsync(c => c.Id == id, Ct);
            Assert.DoesNotContain(stored.ResidentId, RenderProfile(ctx, id).Markup, StringComparison.Ordinal);
        }

        var cut = RenderProfile(ctx, id);

        Assert.Equal("陈小明", cut.Find("[data-testid=child-name]").TextContent.Trim());
        Assert.Matches(@"^350583\*{12}$", cut.Find("[data-testid=child-resident-id]").TextContent.Trim());
        Assert.Contains("溪美街道", cut.Find("[data-testid=child-township]").TextContent, StringComparison.Ordinal);
        var categories = cut.FindAll("[data-testid=child-category]");
        Assert.Equal(["left-behind", "low-income"], categories.Select(c => c.GetAttribute("data-category")).Order());
        Assert.Contains("2026年11月20日起，由民政局登记", categories[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timeline_shows_each_kind_of_screening_and_assistance_newest_first_with_their_details()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var today = ctx.Clock.Today;
        var child = TestInputs.NewChild(serial: 3, categories: ["left-behind", "seriously-ill"]);
        var screenings = Screenings(ctx);
        var id = (await screenings.RecordAsync(TestInputs.CivilAffairs, new RecordScreening("household", today.AddDays(-40), null, child, "medium", ["guardianship"], "监护人年迈",
            new HouseholdDetails("weak", "poor", ["left-behind"], false)), Ct)).ChildId;
        await screenings.RecordAsync(TestInputs.WomensFederation, new RecordScreening("psychological", today.AddDays(-30), id, null, "high", ["psychological"], "情绪低落",
            new PsychologicalDetails(72, ["loneliness"], null)), Ct);
        await screenings.RecordAsync(TestInputs.Health, new RecordScreening("health-check", today.AddDays(-20), id, null, "medium", ["medical"], "哮喘需随访",
            new HealthCheckDetails(132.5m, 28.4m, "哮喘", null, true)), Ct);
        await screenings.RecordAsync(TestInputs.Education, new RecordScreening("school-survey", today.AddDays(-10), id, null, "low", ["schooling"], "近期缺勤",
            new SchoolSurveyDetails("诗山中心小学", "四年级", new FiveClears("父母在外务工", "内向", "画画", "哮喘", "祖母 13800000000"), true, true, "本学期缺课 6 天")), Ct);
        await ctx.Services.GetRequiredService<AssistanceService>().RecordAsync(TestInputs.CivilAffairs,
            new RecordAssistance(id, "golden-autumn-aid", "golden-autumn-2026", today.AddDays(-5), null, 1500m, "秋季学期"), Ct);

        var cut = RenderProfile(ctx, id);

        var entries = cut.FindAll(Entries);
        Assert.Equal(
            ["timeline-event", "timeline-assistance", "timeline-screening", "timeline-screening", "timeline-screening", "timeline-screening"],
            entries.Select(e => e.GetAttribute("data-testid")));
        Assert.Equal("child.registered", entries[0].GetAttribute("data-kind"));
        Assert.Equal(["school-survey", "health-check", "psychological", "household"], entries.Skip(2).Select(e => e.GetAttribute("data-kind")));

        var household = cut.Find("[data-testid=timeline-screening][data-kind=household]").TextContent;
        Assert.Contains("入户摸排", household, StringComparison.Ordinal);
        Assert.Contains("监护薄弱", household, StringComparison.Ordinal);
        Assert.Contains("较差", household, StringComparison.Ordinal);
        Assert.Contains("监护人年迈", household, StringComparison.Ordinal);
        var psychological = cut.Find("[data-testid=timeline-screening][data-kind=psychological]").TextContent;
        Assert.Contains("72", psychological, StringComparison.Ordinal);
        Assert.Contains("预警（60–79）", psychological, StringComparison.Ordinal);
        Assert.Contains("孤独感", psychological, StringComparison.Ordinal);
        Assert.Contains("心理", psychological, StringComparison.Ordinal);
        var health = cut.Find("[data-testid=timeline-screening][data-kind=health-check]").TextContent;
        Assert.Contains("132.5 cm", health, StringComparison.Ordinal);
        Assert.Contains("28.4 kg", health, StringComparison.Ordinal);
        Assert.Contains("符合医疗绿色通道条件", health, StringComparison.Ordinal);
        var school = cut.Find("[data-testid=timeline-screening][data-kind=school-survey]").TextContent;
        Assert.Contains("诗山中心小学 · 四年级", school, StringComparison.Ordinal);
        Assert.Contains("本学期缺课 6 天", school, StringComparison.Ordinal);
        Assert.Equal("high", cut.Find("[data-testid=timeline-screening][data-kind=psychological] [data-testid=risk]").GetAttribute("data-risk"));
        var assistance = cut.Find("[data-testid=timeline-assistance]").TextContent;
        Assert.Contains("金秋助学", assistance, StringComparison.Ordinal);
        Assert.Contains("¥1,500.00", assistance, StringComparison.Ordinal);
        // The school survey's five clears are now the child's record.
        Assert.Contains("画画", cut.Find("[data-testid=child-five-clears]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_screening_and_assistance_recorded_elsewhere_appear_on_the_open_profile()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var id = await RegisterAsync(ctx);
        var cut = RenderProfile(ctx, id);
        Assert.Single(cut.FindAll("[data-testid=timeline-screening]"));

        await Screenings(ctx).RecordAsync(TestInputs.Health, TestInputs.OfChild(TestInputs.Health, id, ctx.Clock.Today, "urgent", "medical"), Ct);

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=timeline-screening]").Count), TimeSpan.FromSeconds(10));
        Assert.Equal("urgent", cut.Find("[data-testid=child-profile]").GetAttribute("data-risk"));

        await ctx.Services.GetRequiredService<AssistanceService>().RecordAsync(TestInputs.WomensFederation,
            new RecordAssistance(id, "home-visit", null, ctx.Clock.Today, 1, null, null), Ct);

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=timeline-assistance]")), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Another_childs_event_does_not_touch_the_profile()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var id = await RegisterAsync(ctx);
        var other = await RegisterAsync(ctx, "林小雨", serial: 2);
        var cut = RenderProfile(ctx, id);

        await Screenings(ctx).RecordAsync(TestInputs.Health, TestInputs.OfChild(TestInputs.Health, other, ctx.Clock.Today, "urgent"), Ct);
        // A later event about this child proves the other one was handled (in order) and ignored.
        await Screenings(ctx).RecordAsync(TestInputs.Education, TestInputs.OfChild(TestInputs.Education, id, ctx.Clock.Today, "low"), Ct);

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=timeline-screening]").Count), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(other.ToString(), cut.Markup, StringComparison.Ordinal);
        Assert.Equal("low", cut.Find("[data-testid=child-profile]").GetAttribute("data-risk"));
    }

    [Fact]
    public async Task Only_civil_affairs_lead_is_offered_the_merge_and_a_viewer_no_action()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var id = await RegisterAsync(ctx);

        ctx.WorkAs("civil-affairs", Coordination.Core.Access.Role.Viewer);
        Assert.NotNull(RenderProfile(ctx, id).Find("[data-testid=actions-no-agency]"));
        foreach (var agency in new[] { "civil-affairs", "womens-federation", "health", "education" })
        {
            foreach (var role in new[] { Coordination.Core.Access.Role.Liaison, Coordination.Core.Access.Role.Lead })
            {
                ctx.WorkAs(agency, role);
                var cut = RenderProfile(ctx, id);
                Assert.NotNull(cut.Find("[data-testid=action-record-screening]"));
                Assert.Equal($"/screenings/new?child={id}", cut.Find("[data-testid=action-record-screening]").GetAttribute("href"));
                Assert.Equal($"/assistance/new?child={id}", cut.Find("[data-testid=action-record-assistance]").GetAttribute("href"));
                Assert.Equal(agency == "civil-affairs" && role == Coordination.Core.Access.Role.Lead, cut.FindAll("[data-testid=action-merge]").Count == 1);
            }
        }
    }

    [Fact]
    public async Task Civil_affairs_merges_a_duplicate_found_by_its_whole_resident_ID()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var kept = await RegisterAsync(ctx, serial: 1);
        var duplicate = await RegisterAsync(ctx, serial: 2);
        string duplicateId;
        await using (var db = ctx.Database.CreateDbContext())
        {
            duplicateId = (await db.Children.SingleAsync(c => c.Id == duplicate, Ct)).ResidentId;
        }
        ctx.WorkAs("civil-affairs", Coordination.Core.Access.Role.Lead);
        var popovers = ctx.Render<MudBlazor.MudPopoverProvider>();
        var cut = RenderProfile(ctx, kept);

        cut.Find("[data-testid=action-merge]").Click();
        cut.TypeSearch(duplicateId, "merge-search");
        var match = Assert.Single(popovers.WaitForMatches("merge-result"));
        Assert.Equal(duplicate.ToString(), match.GetAttribute("data-child-id"));
        match.Click();
        cut.WaitForAssertion(() => Assert.Equal(duplicate.ToString(), cut.Find("[data-testid=merge-chosen]").GetAttribute("data-child-id")));
        cut.Find("[data-testid=merge-confirm]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=profile-done]")), TimeSpan.FromSeconds(10));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=timeline-screening]").Count), TimeSpan.FromSeconds(10));
        Assert.NotEmpty(cut.FindAll("[data-testid=timeline-event][data-kind=\"child.merged\"]"));
        await using var check = ctx.Database.CreateDbContext();
        var merged = await check.Children.SingleAsync(c => c.Id == duplicate, Ct);
        Assert.Equal(ChildStatus.Merged, merged.Status);
        Assert.Equal(kept, merged.MergedIntoId);

        var mergedProfile = RenderProfile(ctx, duplicate);
        Assert.Equal($"/children/{kept}", mergedProfile.Find("[data-testid=merged-into-link]").GetAttribute("href"));
        Assert.Empty(mergedProfile.FindAll("[data-testid=child-actions]"));
    }

    [Fact]
    public async Task Closing_for_another_reason_needs_a_note_and_a_closed_file_can_be_reopened()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var id = await RegisterAsync(ctx);
        ctx.WorkAs("education");
        var cut = RenderProfile(ctx, id);

        cut.Find("[data-testid=action-close]").Click();
        await cut.ChooseAsync("close-reason", ClosureReason.Other.Key());
        cut.Find("[data-testid=close-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Contains("因“其他”原因结案时须填写说明。", cut.Find("[data-testid=close-panel]").TextContent, StringComparison.Ordinal));
        Assert.Equal("active", cut.Find("[data-testid=child-profile]").GetAttribute("data-status"));

        await cut.ChooseAsync("close-reason", ClosureReason.MovedAway.Key());
        cut.Find("[data-testid=close-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Equal("closed", cut.Find("[data-testid=child-profile]").GetAttribute("data-status")));
        Assert.Contains("迁出", cut.Find("[data-testid=closed-info]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=action-record-screening]"));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=timeline-event][data-kind=\"child.closed\"]")), TimeSpan.FromSeconds(10));

        cut.Find("[data-testid=action-reopen]").Click();

        cut.WaitForAssertion(() => Assert.Equal("active", cut.Find("[data-testid=child-profile]").GetAttribute("data-status")));
        Assert.NotNull(cut.Find("[data-testid=action-record-screening]"));
    }

    [Fact]
    public async Task A_child_turning_18_within_a_month_is_flagged_with_the_date()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var today = ctx.Clock.Today;
        var birth = today.AddYears(-18).AddDays(12);
        var child = TestInputs.NewChild(birth: birth, serial: 4);
        var id = (await Screenings(ctx).RecordAsync(TestInputs.CivilAffairs, TestInputs.OfNewChild(TestInputs.CivilAffairs, child, today, "low"), Ct)).ChildId;

        var cut = RenderProfile(ctx, id);

        Assert.Contains("将于2026年12月2日年满18周岁", cut.Find("[data-testid=turning-18]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_profile_speaks_English_with_English_punctuation_when_chosen()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        ctx.UseCulture("en-US");
        var child = TestInputs.NewChild(serial: 5, categories: "de-facto-unsupported");
        var id = (await Screenings(ctx).RecordAsync(TestInputs.CivilAffairs, new RecordScreening("household", ctx.Clock.Today, null, child, "low", [], "",
            new HouseholdDetails("weak", "fair", ["de-facto-unsupported", "low-income"], true)), Ct)).ChildId;

        var cut = RenderProfile(ctx, id);

        Assert.Contains("De facto unsupported or orphaned, with no reachable guardian", cut.Find("[data-testid=child-risk]").TextContent, StringComparison.Ordinal);
        var household = cut.Find("[data-testid=timeline-screening][data-kind=household]").TextContent;
        Assert.Contains("Guardianship: ", household, StringComparison.Ordinal);
        Assert.Contains(", Low-income", household, StringComparison.Ordinal);
        Assert.DoesNotContain("：", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("、", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("（", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_child_is_said_to_be_unknown()
    {
        await using var ctx = await ComponentContext.CreateAsync();

        var cut = ctx.Render<ChildProfilePage>(p => p.Add(c => c.Id, Guid.NewGuid()));

        cut.WaitForAssertion(() => Assert.Contains("找不到该儿童。", cut.Find("[data-testid=child-not-found]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_name_with_markup_renders_as_text_on_the_profile()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var id = await RegisterAsync(ctx, name: "<script>alert(1)</script>");

        var cut = RenderProfile(ctx, id);

        Assert.Empty(cut.FindAll("script"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revealing_the_resident_id_shows_it_in_full_and_is_audited()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var id = await RegisterAsync(ctx);
        await using var db = ctx.Database.CreateDbContext();
        var full = db.Children.Single(c => c.Id == id).ResidentId;
        var cut = RenderProfile(ctx, id);
        Assert.DoesNotContain(full, cut.Markup, StringComparison.Ordinal);

        cut.Find("[data-testid=reveal-resident-id]").Click();

        cut.WaitForAssertion(() => Assert.Equal(full, cut.Find("[data-testid=child-resident-id]").TextContent.Trim()));
        await using var after = ctx.Database.CreateDbContext();
        Assert.Equal(1, after.AuditEntries.Count(e => e.Action == Coordination.Core.Audit.AuditActions.ResidentIdRevealed && e.SubjectId == id.ToString()));
    }

    [Fact]
    public async Task A_viewer_is_not_offered_the_reveal()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var id = await RegisterAsync(ctx);
        ctx.WorkAs("civil-affairs", Coordination.Core.Access.Role.Viewer);

        Assert.Empty(RenderProfile(ctx, id).FindAll("[data-testid=reveal-resident-id]"));
    }

    [Fact]
    public async Task The_profile_lists_the_childs_referrals_and_offers_a_new_one()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var id = await RegisterAsync(ctx);
        var referrals = ctx.Services.GetRequiredService<Coordination.Core.Referrals.ReferralService>();
        await referrals.CreateAsync(TestInputs.Education, ReferralSetup.ToFederation(id), Ct);

        var cut = RenderProfile(ctx, id);

        cut.WaitForAssertion(() => Assert.Equal("pending", cut.Find("[data-testid=child-referral]").GetAttribute("data-status")));
        Assert.Equal($"/referrals/new?child={id}", cut.Find("[data-testid=child-referral-new]").GetAttribute("href"));
    }
}
