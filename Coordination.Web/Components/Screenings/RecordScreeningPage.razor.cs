namespace Coordination.Web.Components.Screenings;

/// <summary>
/// 记录筛查 — find or register a child, then record this agency's screening of it. At intake the form says
/// when the resident ID is already on the register (the screening goes to that child) and offers a child with
/// the same name, birth date and township before making a new one.
/// </summary>
public sealed partial class RecordScreeningPage
{
    private readonly ScreeningForm _form = new();
    private FormErrors _errors = default!;
    private ScreeningRecorded? _saved;
    private IReadOnlyList<Need> _savedNeeds = [];
    private bool _savedToRegisteredChild;
    private IReadOnlyList<Village> _villages = [];
    private ChildMatch? _idMatch;
    private ScreeningFields? _screeningFields;
    private IReadOnlyList<ChildMatch> _nearDuplicates = [];

    [Inject]
    private ScreeningService Screenings { get; set; } = default!;

    [Inject]
    private ChildService Children { get; set; } = default!;

    [Inject]
    private VillageService VillageList { get; set; } = default!;

    private string? AgencyKind => Catalog.Agency(WorkingAs.AgencyKey)?.ScreeningKind;

    private string SavedMessage =>
        _savedToRegisteredChild ? L["Record.SavedExistingChild"]
        : _saved?.ChildRegistered == true ? L["Record.SavedNewChild"]
        : L["Record.Saved"];

    protected override void OnInitialized()
    {
        _errors = new FormErrors(_form, L);
        _form.Kind = AgencyKind;
        _form.Date = Clock.Today.ToDateTime(TimeOnly.MinValue);
    }

    /// <summary>Opened from a child's profile (<c>?child={id}</c>): that child is already chosen.</summary>
    [SupplyParameterFromQuery(Name = "child")]
    public Guid? ChildQuery { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (ChildQuery is { } id && await Children.GetProfileAsync(WorkingAs.Actor!, id, audit: false) is { Child: { Status: ChildStatus.Active } child })
        {
            Choose(new ChildMatch(child.Id, child.Name, child.MaskedResidentId, child.Sex, child.BirthDate, child.TownshipKey, child.Risk));
        }
    }

    private void OnEdited() => _saved = null;

    private string Describe(ChildMatch match) =>
        $"{match.Name} · {L.SexName(match.Sex)} · {L.Date(match.BirthDate)} · {match.MaskedResidentId} · {L.Township(match.TownshipKey)}";

    private async Task OnModeChangedAsync(bool newChild)
    {
        _form.NewChild = newChild;
        _errors.Clear();
        await CheckIntakeAsync();
    }

    private Task<IReadOnlyList<ChildMatch>> FindAsync(string text, CancellationToken ct) =>
        Children.FindAsync(WorkingAs.Actor!, text, ct: ct);

    private void Choose(ChildMatch? match) => _form.Child = match;

    /// <summary>The child on the register is the one: record the screening of it instead of registering another.</summary>
    private void UseExisting(ChildMatch match)
    {
        _form.NewChild = false;
        _errors.Clear();
        _idMatch = null;
        _nearDuplicates = [];
        Choose(match);
    }

    /// <summary>The resident ID already says the birth date and sex: fill them in when still empty.</summary>
    private async Task OnResidentIdBlurAsync()
    {
        var id = ResidentId.Normalize(_form.ResidentId);
        if (ResidentId.IsValid(id))
        {
            _form.BirthDate ??= ResidentId.BirthDate(id)?.ToDateTime(TimeOnly.MinValue);
            _form.Sex ??= ResidentId.SexOf(id).ToString();
        }
        await CheckIntakeAsync();
    }

    private async Task OnNameChangedAsync(string? name)
    {
        _form.Name = name;
        await CheckIntakeAsync();
    }

    private async Task OnBirthDateChangedAsync(DateTime? birthDate)
    {
        _form.BirthDate = birthDate;
        await CheckIntakeAsync();
    }

    private async Task OnTownshipChangedAsync(string? township)
    {
        _form.Township = township;
        _villages = string.IsNullOrWhiteSpace(township) ? [] : await VillageList.ListAsync(WorkingAs.Actor!, township);
        if (_form.Details.Village is { } village && _villages.All(v => v.Name != village))
        {
            _form.Details.Village = null;
        }
        await CheckIntakeAsync();
    }

    /// <summary>
    /// Looks for the child being registered on the register: by resident ID (then the screening is recorded
    /// for that child, never a second record), else by name, birth date and township (then it is offered).
    /// </summary>
    private async Task CheckIntakeAsync()
    {
        if (!_form.NewChild)
        {
            _idMatch = null;
            _nearDuplicates = [];
            return;
        }
        var id = ResidentId.Normalize(_form.ResidentId);
        _idMatch = ResidentId.IsValid(id) ? (await Children.FindAsync(WorkingAs.Actor!, id, 1)).FirstOrDefault() : null;
        var offered = _idMatch is null
            ? await Children.FindNearDuplicatesAsync(WorkingAs.Actor!, _form.Name, _form.BirthDateOnly, _form.Township)
            : [];
        if (!offered.Select(m => m.Id).SequenceEqual(_nearDuplicates.Select(m => m.Id)))
        {
            // A confirmation holds for the children it was given about, not for others found later.
            _form.ConfirmedDistinct = false;
        }
        _nearDuplicates = offered;
    }

    private string CategoriesText(IReadOnlyList<string> keys) =>
        string.Join("、", keys.Select(k => EnumKeys.TryParse<ChildCategory>(k, out var c) ? L.Category(c) : k));

    private async Task SaveAsync()
    {
        if (WorkingAs.Actor is not { } actor)
        {
            return;
        }
        _saved = null;
        _savedNeeds = [];
        if (_screeningFields?.UnreadableFields() is { Count: > 0 } unreadable)
        {
            var refused = new InputErrors();
            foreach (var field in unreadable)
            {
                refused.Add(field, "Error.Number.Format");
            }
            _errors.Show(refused);
            return;
        }
        var registering = _form.NewChild;
        // The service decides whether the new child may be one on the register (the same rule as the API's):
        // the form passes on which of the offered children the liaison has said it is not.
        var command = _form.ToCommand() with
        {
            DistinctFrom = registering && _form.ConfirmedDistinct ? _nearDuplicates.Select(m => m.Id).ToList() : null,
        };
        await _errors.SaveAsync(
            async () =>
            {
                _saved = await Screenings.RecordAsync(actor, command);
                _savedNeeds = NeedSet.Split(ScreeningRules.ParseNeeds(command.Needs));
                _savedToRegisteredChild = registering && !_saved.ChildRegistered;
                _idMatch = null;
                _nearDuplicates = [];
                _villages = [];
                _form.ResetAfterSave(Clock.Today.ToDateTime(TimeOnly.MinValue));
            },
            ex => ShowRegisterRefusalAsync(actor, ex));
    }

    /// <summary>The new child may already be on the register: show which child, write nothing.</summary>
    private async Task ShowRegisterRefusalAsync(Actor actor, DomainException refusal)
    {
        switch (refusal)
        {
            case NearDuplicateException ex:
                // Perhaps a child on the register (maybe registered a moment ago elsewhere): offer it.
                if (!ex.Matches.Select(m => m.Id).SequenceEqual(_nearDuplicates.Select(m => m.Id)))
                {
                    _form.ConfirmedDistinct = false;
                }
                _nearDuplicates = ex.Matches;
                _errors.Show("child.name", ex.Code);
                break;
            case ResidentIdRegisteredException ex:
                // The resident ID is another child's on the register: show that child.
                _idMatch = await Children.FindByIdAsync(actor, ex.ChildId);
                _errors.Show("child.residentId", ex.Code);
                break;
            default:
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(refusal);
                break;
        }
    }
}
