using AngleSharp.Dom;
using Bunit;
using Coordination.Core.Reference;
using Coordination.Web.Components.Screenings;
using Coordination.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Coordination.Tests.Support;

/// <summary>
/// What a liaison does on the screening form, in bUnit: typing, ticking and choosing as a person would.
/// MudBlazor shows a select's options in the popover provider, which is rendered beside the page.
/// </summary>
public sealed class RecordScreeningDriver
{
    private readonly IRenderedComponent<MudPopoverProvider> _popovers;

    public RecordScreeningDriver(ComponentContext context, string agency)
    {
        Context = context;
        context.WorkAs(agency);
        _popovers = context.Render<MudPopoverProvider>();
        Page = context.Render<RecordScreeningPage>();
    }

    public ComponentContext Context { get; }

    /// <summary>Where MudBlazor shows the open lists (selects, the child search).</summary>
    public IRenderedComponent<MudPopoverProvider> Popovers => _popovers;

    public IRenderedComponent<RecordScreeningPage> Page { get; }

    public IElement Field(string testId) => Page.Find($"[data-testid={testId}]");

    /// <summary>Types into a text, number or date input and leaves it (the value is taken on change).</summary>
    public void Type(string testId, string value)
    {
        // Fire what the input listens to, in the browser's order: input while typing, change and blur on leaving.
        if (Field(testId).HasAttribute("blazor:oninput"))
        {
            Field(testId).Input(value);
        }
        if (Field(testId).HasAttribute("blazor:onchange"))
        {
            Field(testId).Change(value);
        }
        if (Field(testId).HasAttribute("blazor:onblur"))
        {
            Field(testId).Blur();
        }
    }

    public void Tick(string testId, bool on = true) => Field(testId).Change(on);

    public void Click(string testId) => Field(testId).Click();

    /// <summary>Opens a select and clicks the option showing <paramref name="optionText"/>.</summary>
    public void Choose(string testId, string optionText)
    {
        Control(testId).MouseDown();
        _popovers.WaitForAssertion(() => Assert.Contains(Options(), o => o.TextContent.Trim() == optionText));
        Options().First(o => o.TextContent.Trim() == optionText).Click();
        Close();
    }

    /// <summary>The select's options as offered (enabled or not).</summary>
    public IReadOnlyList<string> OptionsOf(string testId)
    {
        Control(testId).MouseDown();
        _popovers.WaitForAssertion(() => Assert.NotEmpty(Options()));
        var options = Options().Select(o => o.TextContent.Trim()).ToList();
        Close();
        return options;
    }

    /// <summary>The text around an input: its label, value and the message under it.</summary>
    public string TextAt(string testId) => Control(testId).TextContent;

    public string TownshipName(string key) => Context.Services.GetRequiredService<ReferenceCatalog>().Township(key)!.DisplayName(Labels.English);

    /// <summary>Fills the "register a new child" half: the resident ID fills birth date and sex when it leaves the field.</summary>
    public void NewChild(string name, string residentId, string townshipKey, string category = "留守儿童")
    {
        Click("mode-new");
        Page.WaitForElement("[data-testid=child-resident-id]");
        Type("child-resident-id", residentId);
        Page.WaitForAssertion(() => Assert.False(string.IsNullOrEmpty(Field("child-birth-date").GetAttribute("value"))));
        Type("child-name", name);
        Choose("child-township", TownshipName(townshipKey));
        Choose("child-categories", category);
    }

    public void Save() => Click("record-save");

    /// <summary>Waits for the form's answer to a save: saved or refused.</summary>
    public IElement WaitForSaved() => Page.WaitForElement("[data-testid=record-saved]", TimeSpan.FromSeconds(10));

    public void WaitForRefusal() => Page.WaitForElement("[data-testid=record-invalid]", TimeSpan.FromSeconds(10));

    private IElement Control(string testId) =>
        Field(testId).Closest(".mud-input-control") ?? throw new InvalidOperationException($"{testId} is not inside a MudBlazor input control.");

    /// <summary>A multiple choice stays open after a click: a click beside it (on the overlay) closes it, as in the browser.</summary>
    private void Close()
    {
        foreach (var overlay in _popovers.FindAll(".mud-overlay").ToList())
        {
            overlay.Click();
        }
        _popovers.WaitForAssertion(() => Assert.Empty(Options()));
    }

    private IEnumerable<IElement> Options() => _popovers.FindAll(".mud-popover-open .mud-list-item");
}
