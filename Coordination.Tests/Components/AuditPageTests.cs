using Bunit;
using Coordination.Core.Access;
using Coordination.Core.Audit;
using Coordination.Web.Components.Children;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Coordination.Web.Components.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Components;

public sealed class AuditPageTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_administrator_reads_the_trail_filtered_and_has_nothing_to_edit_or_delete_with()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var screenings = ctx.Services.GetRequiredService<ScreeningService>();
        await screenings.RecordAsync(TestInputs.Health, TestInputs.OfNewChild(TestInputs.Health, TestInputs.NewChild(), ctx.Clock.Today), Ct);
        ctx.WorkAs("civil-affairs", Role.Admin);

        var cut = ctx.Render<AuditPage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=audit-row]")));
        Assert.All(cut.FindAll("[data-testid=audit-row]"), row => Assert.Empty(row.QuerySelectorAll("button, input, form")));
        Assert.Empty(cut.FindAll("form"));
        Assert.Contains(cut.FindAll("[data-testid=audit-row]"), row => row.GetAttribute("data-action") == "created" && row.TextContent.Contains("health liaison", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Opening_a_profile_is_one_row_although_the_page_is_prerendered_then_rendered_by_its_circuit()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var screenings = ctx.Services.GetRequiredService<ScreeningService>();
        var child = (await screenings.RecordAsync(TestInputs.Health, TestInputs.OfNewChild(TestInputs.Health, TestInputs.NewChild("陈小明"), ctx.Clock.Today), Ct)).ChildId;
        ctx.WorkAs("health");

        // What a browser's first request does: the server prerenders the page, then the circuit renders it again.
        ctx.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var prerendered = ctx.Render<ChildProfilePage>(p => p.Add(c => c.Id, child));
        Assert.DoesNotContain("陈小明", prerendered.Markup, StringComparison.Ordinal);
        ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var live = ctx.Render<ChildProfilePage>(p => p.Add(c => c.Id, child));
        live.WaitForAssertion(() => Assert.NotEmpty(live.FindAll("[data-testid=child-profile]")));

        await using var db = ctx.Database.CreateDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.ChildViewed && e.SubjectId == child.ToString(), Ct));
    }

    [Fact]
    public async Task A_row_names_its_object_readably_with_the_id_beside_it_and_the_filters_narrow_the_rows_and_the_export_link()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var screenings = ctx.Services.GetRequiredService<ScreeningService>();
        var child = (await screenings.RecordAsync(TestInputs.Health, TestInputs.OfNewChild(TestInputs.Health, TestInputs.NewChild("陈小明"), ctx.Clock.Today), Ct)).ChildId;
        await ctx.Services.GetRequiredService<Coordination.Core.Children.ChildService>().GetProfileAsync(TestInputs.Health, child, ct: Ct);
        ctx.WorkAs("civil-affairs", Role.Admin);

        var cut = ctx.Render<AuditPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=audit-row][data-action=\"child.viewed\"]")));
        await cut.InvokeAsync(() => cut.FindComponent<MudBlazor.MudSelect<string>>().Instance.ValueChanged.InvokeAsync(AuditActions.ChildViewed));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=audit-row]")));
        var row = cut.Find("[data-testid=audit-row]");
        Assert.Contains("儿童档案 陈*明（溪美街道）", row.QuerySelector("[data-testid=audit-object]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(child.ToString(), row.QuerySelector("[data-testid=audit-object-id]")!.TextContent.Trim());
        Assert.Equal("查看档案", row.QuerySelector("[data-testid=audit-act]")!.TextContent.Trim());
        Assert.Equal("卫健局", row.QuerySelector("[data-testid=audit-agency]")!.TextContent.Trim());
        Assert.Equal("联络员", row.QuerySelector("[data-testid=audit-role]")!.TextContent.Trim());
        Assert.Equal("", row.QuerySelector("[data-testid=audit-fields]")!.TextContent.Trim());
        Assert.Equal("/api/v1/audit.xlsx?action=child.viewed", cut.Find("[data-testid=audit-export]").GetAttribute("href"));
    }

    [Fact]
    public async Task A_quarters_sign_off_and_reported_figures_are_named_by_agency_quarter_and_indicator_not_by_their_keys()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var quarter = Coordination.Core.Quarter.Of(ctx.Clock.Today.AddMonths(-3));
        var signOff = ctx.Services.GetRequiredService<Coordination.Core.Figures.FiguresSignOffService>();
        var lead = new Coordination.Core.Actor("health", "health 负责人", Role.Lead, From: "tests") { Account = BoardApp.EmailOf("health", Role.Lead) };
        var reported = Coordination.Core.Figures.IndicatorCatalogue.Reported.First(i => i.AgencyKey == "education");
        var educationLead = new Coordination.Core.Actor("education", "education 负责人", Role.Lead, From: "tests") { Account = BoardApp.EmailOf("education", Role.Lead) };
        await signOff.EnterReportedAsync(educationLead, quarter, "education", new Dictionary<string, string?> { [reported.Key] = "12" }, null, Ct);
        await signOff.SubmitAsync(lead, quarter, "health", Ct);
        ctx.WorkAs("civil-affairs", Role.Admin);

        var cut = ctx.Render<AuditPage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll($"[data-testid=audit-row][data-action=\"{AuditActions.FiguresSubmitted}\"]")));
        var row = cut.Find($"[data-testid=audit-row][data-action=\"{AuditActions.FiguresSubmitted}\"]");
        Assert.Contains($"卫健局 · {quarter}", row.QuerySelector("[data-testid=audit-object]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"health/{quarter}", row.QuerySelector("[data-testid=audit-object-id]")!.TextContent.Trim());
        Assert.Contains(cut.FindAll("[data-testid=audit-row] [data-testid=audit-object]"),
            o => o.TextContent.Contains($"教育局 · {quarter} · {reported.Name}", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_audited_action_has_words_on_the_page_in_both_languages()
    {
        var actions = typeof(AuditActions).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToList();
        var zh = System.Xml.Linq.XDocument.Load(Path.Combine(BoardProcess.RepositoryRoot, "Coordination.Web", "Resources", "SharedResource.resx"));
        var en = System.Xml.Linq.XDocument.Load(Path.Combine(BoardProcess.RepositoryRoot, "Coordination.Web", "Resources", "SharedResource.en.resx"));
        bool Has(System.Xml.Linq.XDocument doc, string key) => doc.Root!.Elements("data").Any(d => (string?)d.Attribute("name") == key);

        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.Contains(a, Coordination.Web.Components.Admin.AuditText.Actions));
        Assert.All(actions, a => Assert.True(Has(zh, "Audit.Action." + a) && Has(en, "Audit.Action." + a), $"no words for {a}"));
    }
}
