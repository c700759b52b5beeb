using Coordination.Core;
using Coordination.Core.Children;
using Coordination.Core.Reference;
using Coordination.Core.Screenings;
using Coordination.Web.Hosting;
using Microsoft.AspNetCore.Components;

namespace Coordination.Web.Components.Screenings;

/// <summary>记录筛查 — find or register a child, then record this agency's screening of it.</summary>
public sealed partial class RecordScreeningPage
{
    private readonly ScreeningForm _form = new();
    private string? _search;
    private IReadOnlyList<ChildMatch> _matches = [];
    private bool _searched;
    private InputErrors? _errors;
    private ScreeningRecorded? _saved;
    private bool _saving;

    [Inject]
    private ScreeningService Screenings { get; set; } = default!;

    [Inject]
    private ChildService Children { get; set; } = default!;

    [Inject]
    private WorkingAs WorkingAs { get; set; } = default!;

    [Inject]
    private ReferenceCatalog Catalog { get; set; } = default!;

    [Inject]
    private BoardClock Clock { get; set; } = default!;

    protected override void OnInitialized()
    {
        _form.Kind = Catalog.Agency(WorkingAs.AgencyKey)?.ScreeningKind;
        _form.Date = Clock.Today.ToDateTime(TimeOnly.MinValue);
    }

    /// <summary>Opened from a child's profile (<c>?child={id}</c>): that child is already chosen.</summary>
    [SupplyParameterFromQuery(Name = "child")]
    public Guid? ChildQuery { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (ChildQuery is { } id && await Children.GetProfileAsync(id) is { Child: { Status: ChildStatus.Active } child })
        {
            Choose(new ChildMatch(child.Id, child.Name, child.MaskedResidentId, child.Sex, child.BirthDate, child.TownshipKey, child.Risk));
        }
    }

    private bool Has(string field) => _errors?.Has(field) == true;

    private string? Message(params string[] fields)
    {
        foreach (var field in fields)
        {
            if (_errors?.First(field) is { } code)
            {
                return L.Error(code);
            }
        }
        return null;
    }

    private bool Has(string field, string alternative) => Has(field) || Has(alternative);

    private void OnModeChanged(bool newChild)
    {
        _form.NewChild = newChild;
        _errors = null;
    }

    private async Task SearchAsync(string text)
    {
        _matches = await Children.FindAsync(text);
        _searched = !string.IsNullOrWhiteSpace(text);
    }

    private void Choose(ChildMatch match)
    {
        _form.Child = match;
        _matches = [];
        _searched = false;
        _search = match.Name;
    }

    private void ToggleNeed(string key, bool on)
    {
        if (on)
        {
            _form.Needs.Add(key);
        }
        else
        {
            _form.Needs.Remove(key);
        }
    }

    /// <summary>The resident ID already says the birth date and sex: fill them in when still empty.</summary>
    private void FillFromResidentId()
    {
        var id = ResidentId.Normalize(_form.ResidentId);
        if (!ResidentId.IsValid(id))
        {
            return;
        }
        _form.BirthDate ??= ResidentId.BirthDate(id)?.ToDateTime(TimeOnly.MinValue);
        _form.Sex ??= ResidentId.SexOf(id).ToString();
    }

    private string CategoriesText(IReadOnlyList<string> keys) =>
        string.Join("、", keys.Select(k => EnumKeys.TryParse<ChildCategory>(k, out var c) ? L.Category(c) : k));

    private async Task SaveAsync()
    {
        if (WorkingAs.Actor is not { } actor)
        {
            return;
        }
        _saving = true;
        _saved = null;
        try
        {
            _saved = await Screenings.RecordAsync(actor, _form.ToCommand());
            _errors = null;
            _search = null;
            _form.ResetAfterSave(Clock.Today.ToDateTime(TimeOnly.MinValue));
        }
        catch (InvalidInputException ex)
        {
            _errors = ex.Errors;
        }
        finally
        {
            _saving = false;
        }
    }
}
