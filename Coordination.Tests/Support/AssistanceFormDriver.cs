using Bunit;
using Coordination.Web.Components.Assistance;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Support;

/// <summary>The assistance form in bUnit, opened as a liaison opens it: from a child's profile (<c>?child=</c>).</summary>
public static class AssistanceFormDriver
{
    /// <summary>Renders the form for <paramref name="child"/> and waits until it shows that child.</summary>
    public static IRenderedComponent<RecordAssistancePage> OpenFor(ComponentContext ctx, Guid child)
    {
        var nav = ctx.Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo(nav.GetUriWithQueryParameter("child", child.ToString()));
        var cut = ctx.Render<RecordAssistancePage>();
        cut.WaitForAssertion(() => Assert.Equal(child.ToString(), cut.Find("[data-testid=assistance-child]").GetAttribute("data-child-id")));
        return cut;
    }
}
