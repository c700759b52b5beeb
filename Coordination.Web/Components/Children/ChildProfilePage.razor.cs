using Coordination.Core.Assistance;

namespace Coordination.Web.Components.Children;

/// <summary>
/// 儿童档案详情 — one child's record, current risk with its reasons, and the timeline of all four agencies'
/// work, kept up to date live while it is open. The acting agency's actions sit on top.
/// </summary>
public sealed partial class ChildProfilePage
{
    private ChildProfile? _profile;
    private IReadOnlyDictionary<string, Programme> _programmes = new Dictionary<string, Programme>();
    private IDisposable? _subscription;
    private bool _notFound;
    private bool _forbidden;
    private bool _busy;
    private Panel _panel;
    private string? _error;
    private string? _closeError;
    private string? _done;
    private Guid _loadedId;

    private enum Panel
    {
        None,
        Close,
        Merge,
    }

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private ChildService Children { get; set; } = default!;

    [Inject]
    private AssistanceService Assistance { get; set; } = default!;

    [Inject]
    private IBoardNotifier Notifier { get; set; } = default!;

    protected override void OnInitialized()
    {
        if (RendererInfo.IsInteractive)
        {
            // Subscribed before the first read, so nothing committed in between is missed.
            _subscription = Notifier.Subscribe(OnBoardEventAsync);
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        // The file is read once, by the interactive circuit: the prerendered page shows only the progress bar.
        // Reading it in both passes wrote two audit rows for one view, and sent the child's data twice.
        if (!RendererInfo.IsInteractive)
        {
            return;
        }
        if (_loadedId != Id)
        {
            _loadedId = Id;
            _profile = null;
            _panel = Panel.None;
            _error = _done = _closeError = null;
            _programmes = (await Assistance.ProgrammesAsync(WorkingAs.Actor!)).ToDictionary(p => p.Key);
            await LoadAsync();
        }
    }

    private string? _revealedId;

    /// <summary>Shows the full resident ID; the service checks the right and writes the audit entry.</summary>
    private async Task RevealAsync()
    {
        if (WorkingAs.Actor is { } actor)
        {
            _revealedId = await Children.RevealResidentIdAsync(actor, Id);
        }
    }

    private async Task LoadAsync()
    {
        var id = Id;
        ChildProfile? profile;
        try
        {
            profile = await Children.GetProfileAsync(WorkingAs.Actor!, id);
        }
        catch (Coordination.Core.Access.ForbiddenException)
        {
            // Another township's child: a refusal on the page, never an error page.
            if (id == Id)
            {
                _forbidden = true;
                _profile = null;
            }
            return;
        }
        if (id != Id)
        {
            return;
        }
        _forbidden = false;
        _profile = profile;
        _notFound = profile is null;
        _revealedId = null;
    }

    /// <summary>An event about this child (or about a record merged into it) reloads the profile.</summary>
    private async Task OnBoardEventAsync(BoardEventMessage e)
    {
        var id = Id;
        if (e.ChildId != id && e.SubjectId != id)
        {
            return;
        }
        var profile = await Children.GetProfileAsync(WorkingAs.Actor!, id, audit: false);
        await InvokeAsync(() =>
        {
            if (id == Id && profile is not null)
            {
                _profile = profile;
                StateHasChanged();
            }
        });
    }

    private void Show(Panel panel)
    {
        _panel = panel;
        _error = _closeError = _done = null;
    }

    private async Task RunAsync(Func<Actor, Task> action, string doneKey, Action<DomainException>? onError = null)
    {
        if (WorkingAs.Actor is not { } actor)
        {
            return;
        }
        _busy = true;
        _error = _done = null;
        try
        {
            await action(actor);
            _panel = Panel.None;
            _done = doneKey;
            await LoadAsync();
        }
        catch (DomainException ex)
        {
            if (onError is null)
            {
                _error = ex.Code;
            }
            else
            {
                onError(ex);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private Task CloseAsync(CloseChildPanel.Closing closing) =>
        RunAsync(actor => Children.CloseAsync(actor, Id, closing.Reason, closing.Note), "Profile.Closed",
            ex => _closeError = ex is InvalidInputException invalid ? invalid.Errors.ByField.Values.First()[0] : ex.Code);

    private Task ReopenAsync() => RunAsync(actor => Children.ReopenAsync(actor, Id), "Profile.Reopened");

    private Task MergeAsync(ChildMatch duplicate) => RunAsync(actor => Children.MergeAsync(actor, Id, duplicate.Id), "Profile.Merged");

    private async Task<IReadOnlyList<ChildMatch>> SearchDuplicatesAsync(string text, CancellationToken ct) =>
        (await Children.FindAsync(WorkingAs.Actor!, text, 10, ct)).Where(m => m.Id != Id).ToList();

    public void Dispose() => _subscription?.Dispose();
}
