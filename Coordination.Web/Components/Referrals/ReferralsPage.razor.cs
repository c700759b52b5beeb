using Coordination.Core.Figures;
using Coordination.Core.Referrals;
using MudBlazor;

namespace Coordination.Web.Components.Referrals;

/// <summary>
/// 转介 — this agency's inbox (referrals to act on) and outbox (referrals it sent), filtered by status and
/// overdue, with live counts: every <c>referral.*</c> event on the board reloads what is shown.
/// </summary>
public sealed partial class ReferralsPage : IDisposable
{
    public const string InboxKey = "inbox";
    public const string OutboxKey = "outbox";

    private IReadOnlyList<ReferralView>? _referrals;
    private ReferralBoxCounts? _counts;
    private readonly Dictionary<Guid, ReferralDetail> _history = [];
    private string? _status;
    private bool _overdueOnly;
    private (Guid Id, ReferralAction Action, int Version)? _acting;
    private string? _text;
    private string? _suggested;
    private string? _fieldError;
    private string? _suggestError;
    private string? _message;
    private Severity _messageSeverity = Severity.Info;
    private bool _messageIsConflict;
    private bool _busy;
    private IDisposable? _subscription;

    [Inject]
    private ReferralService Referrals { get; set; } = default!;

    [Inject]
    private IBoardNotifier Notifier { get; set; } = default!;

    /// <summary><c>inbox</c> (the default) or <c>outbox</c>.</summary>
    [SupplyParameterFromQuery(Name = "box")]
    public string? Box { get; set; }

    /// <summary>The referral just sent from the form, to confirm it went.</summary>
    [SupplyParameterFromQuery(Name = "sent")]
    public Guid? Sent { get; set; }

    /// <summary>The box shown: the one asked for in the address (a bad value falls back to the inbox), or the one clicked.</summary>
    private string _box = InboxKey;

    private static string BoxOf(string? asked) => asked == OutboxKey ? OutboxKey : InboxKey;

    private AgencyReferralCounts Current =>
        _counts is null ? AgencyReferralCounts.None : _box == OutboxKey ? _counts.Outbox : _counts.Inbox;

    protected override async Task OnInitializedAsync()
    {
        _box = BoxOf(Box);
        if (RendererInfo.IsInteractive && WorkingAs.AgencyKey is not null)
        {
            _subscription = Notifier.Subscribe(OnBoardEventAsync);
        }
        if (Sent is not null)
        {
            Say(L["Referral.Sent"], Severity.Success);
        }
        await LoadAsync();
    }

    /// <summary>The address changed (back and forward): show the box it names. The query parameter itself is never written.</summary>
    protected override async Task OnParametersSetAsync()
    {
        var asked = BoxOf(Box);
        if (asked != _box)
        {
            Close();
            _history.Clear();
            _box = asked;
            await LoadAsync();
        }
    }

    private async Task OnBoardEventAsync(BoardEventMessage e)
    {
        if (!e.Kind.StartsWith(BoardEventKinds.ReferralPrefix, StringComparison.Ordinal))
        {
            return;
        }
        await InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        });
    }

    private async Task LoadAsync()
    {
        // Who may not read referrals (the wall, the administrator) is told so by the page, never asked for them.
        if (WorkingAs.Actor is not { } actor || !Coordination.Core.Access.Rights.CanReadReferrals(actor))
        {
            return;
        }
        var agency = actor.AgencyKey;
        var inbox = _box != OutboxKey;
        var query = new ReferralQuery(
            FromAgency: inbox ? null : agency,
            ToAgency: inbox ? agency : null,
            Status: EnumKeys.TryParse<ReferralStatus>(_status, out var s) ? s : null,
            Overdue: _overdueOnly ? true : null);
        _referrals = await Referrals.ListAsync(actor, query);
        _counts = await Referrals.CountsAsync(actor, agency);
        foreach (var id in _history.Keys.ToList())
        {
            if (await Referrals.DetailAsync(actor, id) is { } detail)
            {
                _history[id] = detail;
            }
        }
    }

    private async Task ShowBoxAsync(string box)
    {
        Close();
        _history.Clear();
        _box = box;
        Nav.NavigateTo(Nav.GetUriWithQueryParameter("box", box));
        await LoadAsync();
    }

    private async Task OnStatusChangedAsync(string? status)
    {
        _status = status;
        await LoadAsync();
    }

    private async Task OnOverdueChangedAsync(bool on)
    {
        _overdueOnly = on;
        await LoadAsync();
    }

    private string? Outcome(ReferralView r) => r.Status switch
    {
        ReferralStatus.Declined => r.DeclineReason + (r.SuggestedAgencyKey is { } s ? " · " + L.Text("Referral.Suggested", L.Agency(s)) : ""),
        ReferralStatus.Completed => r.Outcome,
        ReferralStatus.Withdrawn => r.WithdrawReason,
        _ => null,
    };

    private string TextLabel(ReferralAction action) => action == ReferralAction.Completed ? L["Referral.Outcome"] : L["Referral.Reason"];

    private async Task ToggleHistoryAsync(ReferralView r)
    {
        if (!_history.Remove(r.Id) && await Referrals.DetailAsync(WorkingAs.Actor!, r.Id) is { } detail)
        {
            _history[r.Id] = detail;
        }
    }

    /// <summary>Opens the reason or outcome field, remembering the version the liaison saw.</summary>
    private void Open(ReferralView r, ReferralAction action)
    {
        _acting = (r.Id, action, r.Version);
        _text = null;
        _suggested = null;
        _fieldError = null;
        _suggestError = null;
    }

    private void Close()
    {
        _acting = null;
        _text = null;
        _suggested = null;
        _fieldError = null;
        _suggestError = null;
    }

    private Task AcceptAsync(ReferralView r) =>
        RunAsync(actor => Referrals.AcceptAsync(actor, r.Id, r.Version), ReferralAction.Accepted);

    private Task ConfirmAsync()
    {
        if (_acting is not { } acting)
        {
            return Task.CompletedTask;
        }
        var (id, action, version) = acting;
        return action switch
        {
            ReferralAction.Declined => RunAsync(actor => Referrals.DeclineAsync(actor, id, version, _text, _suggested), action),
            ReferralAction.Completed => RunAsync(actor => Referrals.CompleteAsync(actor, id, version, _text), action),
            _ => RunAsync(actor => Referrals.WithdrawAsync(actor, id, version, _text), action),
        };
    }

    private async Task RunAsync(Func<Actor, Task<ReferralDetail>> transition, ReferralAction action)
    {
        if (WorkingAs.Actor is not { } actor)
        {
            return;
        }
        _busy = true;
        _fieldError = _suggestError = null;
        try
        {
            await transition(actor);
            Close();
            Say(L.Text("Referral.Done", L.Action(action)), Severity.Success);
        }
        catch (InvalidInputException ex)
        {
            // The field says what is missing; nothing was saved.
            var code = ex.Errors.First("reason") ?? ex.Errors.First("outcome");
            _fieldError = code is null ? null : L.Error(code);
            _suggestError = ex.Errors.First("suggestedAgency") is { } suggestCode ? L.Error(suggestCode) : null;
        }
        catch (ReferralConflictException ex)
        {
            Close();
            Say(L.Conflict(ex), Severity.Warning, conflict: true);
        }
        catch (DomainException ex)
        {
            Close();
            Say(L.Error(ex), Severity.Error);
        }
        finally
        {
            _busy = false;
        }
        await LoadAsync();
    }

    private void Say(string message, Severity severity, bool conflict = false)
    {
        _message = message;
        _messageSeverity = severity;
        _messageIsConflict = conflict;
    }

    public void Dispose() => _subscription?.Dispose();
}
