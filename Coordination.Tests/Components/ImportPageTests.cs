using Bunit;
using Coordination.Core;
using Coordination.Core.Access;
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
}
