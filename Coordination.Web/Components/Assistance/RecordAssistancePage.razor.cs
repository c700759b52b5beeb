using Coordination.Core.Assistance;

namespace Coordination.Web.Components.Assistance;

/// <summary>记录帮扶 — what this agency did for a child: a count, or an amount in yuan for money kinds.</summary>
public sealed partial class RecordAssistancePage
{
    private readonly AssistanceForm _form = new();
    private IReadOnlyList<Programme> _programmes = [];
    private FormErrors _errors = default!;
    private string? _failure;
    private (Guid Id, long Sequence)? _saved;

    [Inject]
    private AssistanceService Assistance { get; set; } = default!;

    [Inject]
    private ChildService Children { get; set; } = default!;

    /// <summary>Opened from a child's profile (<c>?child={id}</c>): that child is already chosen.</summary>
    [SupplyParameterFromQuery(Name = "child")]
    public Guid? ChildQuery { get; set; }

    /// <summary>The programmes that deliver the chosen kind of assistance.</summary>
    private List<Programme> KindProgrammes =>
        EnumKeys.TryParse<AssistanceKind>(_form.Kind, out var kind) ? _programmes.Where(p => p.Kind == kind).ToList() : [];

    protected override void OnInitialized() => _errors = new FormErrors(_form, L);

    protected override async Task OnInitializedAsync()
    {
        _form.Date = Clock.Today.ToDateTime(TimeOnly.MinValue);
        _programmes = await Assistance.ProgrammesAsync(WorkingAs.Actor!);
        if (ChildQuery is { } id && await Children.GetProfileAsync(WorkingAs.Actor!, id, audit: false) is { Child: { Status: ChildStatus.Active } child })
        {
            _form.Child = new ChildMatch(child.Id, child.Name, child.MaskedResidentId, child.Sex, child.BirthDate, child.TownshipKey, child.Risk);
        }
    }

    private void OnKindChanged(string? kind)
    {
        _form.Kind = kind;
        if (_form.Programme is { } key && !KindProgrammes.Any(p => p.Key == key))
        {
            _form.Programme = null;
        }
        // A programme that is the only one for its kind is almost always the one meant.
        if (_form.Programme is null && KindProgrammes.Count(p => p.IsRunningOn(Clock.Today)) == 1)
        {
            _form.Programme = KindProgrammes.Single(p => p.IsRunningOn(Clock.Today)).Key;
        }
    }

    private Task<IReadOnlyList<ChildMatch>> FindAsync(string text, CancellationToken ct) =>
        Children.FindAsync(WorkingAs.Actor!, text, ct: ct);

    private void Choose(ChildMatch? match) => _form.Child = match;

    private async Task SaveAsync()
    {
        if (WorkingAs.Actor is not { } actor)
        {
            return;
        }
        _saved = null;
        _failure = null;
        await _errors.SaveAsync(
            async () =>
            {
                _saved = await Assistance.RecordAsync(actor, _form.ToCommand());
                _form.ResetAfterSave();
            },
            ex => Task.FromResult(_failure = ex.Code));
    }
}
