using Bunit;
using Coordination.Core.Access;
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
}
