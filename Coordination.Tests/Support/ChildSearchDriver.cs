using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Coordination.Tests.Support;

/// <summary>
/// The child search (<c>ChildSearch</c>, a MudAutocomplete) in bUnit, used as a person uses it: type into the field,
/// wait for the list in the popover provider (rendered beside the page), click a match.
/// </summary>
public static class ChildSearchDriver
{
    /// <summary>Types <paramref name="text"/> into the search marked <paramref name="testId"/>.</summary>
    public static void TypeSearch(this IRenderedComponent<IComponent> page, string text, string testId = "child-search") =>
        page.Find($"input[data-testid={testId}]").Input(text);

    /// <summary>Waits until the list offers matches marked <paramref name="itemTestId"/>, and returns them.</summary>
    public static IReadOnlyList<IElement> WaitForMatches(this IRenderedComponent<MudPopoverProvider> popovers, string itemTestId = "child-result")
    {
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll($".mud-popover-open [data-testid={itemTestId}]")), TimeSpan.FromSeconds(10));
        return popovers.FindAll($".mud-popover-open [data-testid={itemTestId}]");
    }

    /// <summary>Waits for the list to say that nothing matches, and returns that text.</summary>
    public static string WaitForNoMatch(this IRenderedComponent<MudPopoverProvider> popovers, string noneTestId = "child-none")
    {
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll($".mud-popover-open [data-testid={noneTestId}]")), TimeSpan.FromSeconds(10));
        return popovers.Find($".mud-popover-open [data-testid={noneTestId}]").TextContent.Trim();
    }

    /// <summary>Types <paramref name="text"/> and clicks the match of child <paramref name="childId"/>.</summary>
    public static void SearchAndChoose(this IRenderedComponent<IComponent> page, IRenderedComponent<MudPopoverProvider> popovers, string text, Guid childId,
        string testId = "child-search", string itemTestId = "child-result")
    {
        page.TypeSearch(text, testId);
        popovers.WaitForAssertion(
            () => Assert.NotEmpty(popovers.FindAll($".mud-popover-open [data-testid={itemTestId}][data-child-id=\"{childId}\"]")), TimeSpan.FromSeconds(10));
        popovers.Find($".mud-popover-open [data-testid={itemTestId}][data-child-id=\"{childId}\"]").Click();
    }
}
