namespace Coordination.Web.Components.Children;

/// <summary>编辑档案 — correct a child's identity and details; categories can only be added.</summary>
public sealed partial class EditChildPage
{
    private Child? _child;
    private EditChildForm _form = new();
    private IReadOnlyList<Village> _villages = [];
    private FormErrors? _errors;
    private string? _failure;
    private ChildConflictException? _conflict;
    private bool _notFound;
    private Guid _loadedId;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private ChildService Children { get; set; } = default!;

    [Inject]
    private VillageService Villages { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        // Loaded once per child: a re-render of the layout must not wipe what the liaison has typed.
        if (_loadedId == Id)
        {
            return;
        }
        _loadedId = Id;
        await LoadAsync();
    }

    /// <summary>Reads the record as it is now (also after a refused stale edit: what was typed is replaced).</summary>
    private async Task LoadAsync()
    {
        _conflict = null;
        _failure = null;
        var profile = await Children.GetProfileAsync(WorkingAs.Actor!, Id, audit: false);
        _notFound = profile is null;
        _child = profile?.Child;
        if (profile is not null)
        {
            _form = EditChildForm.From(profile.Child, profile.Village);
            _errors = new FormErrors(_form, L);
            _villages = await Villages.ListAsync(WorkingAs.Actor!, profile.Child.TownshipKey);
        }
    }

    private string ConflictText(ChildConflictException c) =>
        c.ByAgencyKey is null
            ? L["Error.Child.Conflict"]
            : L.Text("Edit.ChangedBy", L.Agency(c.ByAgencyKey), c.ByPerson ?? "", c.At is { } at ? L.DateTime(at) : "");

    private string CategoriesText(IReadOnlyList<string> keys) =>
        Punctuation.List(keys.Select(k => EnumKeys.TryParse<ChildCategory>(k, out var c) ? L.Category(c) : k));

    /// <summary>Villages belong to a township: another township offers its own and forgets the old one.</summary>
    private async Task OnTownshipChangedAsync(string? township)
    {
        _form.Township = township;
        _villages = string.IsNullOrWhiteSpace(township) ? [] : await Villages.ListAsync(WorkingAs.Actor!, township);
        if (_form.Details.Village is { } name && !_villages.Any(v => v.Name == name))
        {
            _form.Details.Village = null;
        }
    }

    private async Task SaveAsync()
    {
        if (WorkingAs.Actor is not { } actor || _child is null || _errors is null)
        {
            return;
        }
        _failure = null;
        var saved = await _errors.SaveAsync(() => Children.UpdateAsync(actor, Id, _form.ToCommand(_child)), ex =>
        {
            // Someone else saved first: say who and offer to reload; nothing of theirs is overwritten.
            _conflict = ex as ChildConflictException;
            _failure = _conflict is null ? ex.Code : null;
            return Task.CompletedTask;
        });
        if (saved)
        {
            Nav.NavigateTo($"/children/{Id}");
        }
    }
}
