using Coordination.Core.Wall;
using Coordination.Web.Accounts;
using Microsoft.AspNetCore.Components.Authorization;

namespace Coordination.Web.Components.Wall;

/// <summary>
/// The meeting-room wall: runs for weeks with nobody touching it. One subscription to the board's events and one
/// one-second timer per circuit, both released in <see cref="Dispose"/>; what it keeps between events is bounded
/// (the snapshot's short lists and at most <see cref="HighlightLimit"/> highlights).
/// </summary>
public sealed partial class WallPage : IDisposable
{
    /// <summary>How long a new event stays highlighted, whatever panel is showing.</summary>
    public static readonly TimeSpan HighlightFor = TimeSpan.FromSeconds(8);

    public const int HighlightLimit = 16;

    [Inject] private WallService Wall { get; set; } = default!;
    [Inject] private IBoardNotifier Notifier { get; set; } = default!;
    [Inject] private Labels L { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private ILogger<WallPage> Log { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [SupplyParameterFromQuery(Name = "rotate")] public string? Rotate { get; set; }
    [SupplyParameterFromQuery(Name = "panel")] public string? Panel { get; set; }
    [SupplyParameterFromQuery(Name = "layout")] public string? Layout { get; set; }

    private WallOptions Options { get; set; } = WallOptions.Default;
    private Actor? _actor;
    private bool _allowed;
    private bool _signedIn;
    private bool _interactive;
    private WallSnapshot? _wall;
    private FeedItem? _banner;
    private readonly Dictionary<long, (DateTimeOffset Until, string? Township)> _highlights = [];
    private IDisposable? _subscription;
    private CancellationTokenSource? _stop;
    private int _panelIndex;
    private int _secondsOnPanel;
    private int _ticks;
    private int _beat;

    private DateTimeOffset Now => Time.GetUtcNow();

    private WallPanel Current => Options.Fixed ?? WallOptions.Panels[_panelIndex % WallOptions.Panels.Count];

    private IEnumerable<WallPanel> Shown => Options.All ? WallOptions.Panels : [Current];

    private string WallClass => "wall " + (Options.All ? "wall-all" : "wall-stage") + " wall-showing-" + WallOptions.Key(Current);

    protected override async Task OnParametersSetAsync()
    {
        Options = WallOptions.Parse(Rotate, Panel, Layout);
        var user = AuthenticationState is null ? null : (await AuthenticationState).User;
        _signedIn = user?.Identity?.IsAuthenticated == true;
        _actor = AccountClaims.ToActor(user, null);
        _allowed = _actor is not null && Rights.CanViewWall(_actor);
        if (!_allowed)
        {
            // The session ended (or this account may not show the wall): stop listening, show the notice.
            StopLive();
            _wall = null;
            return;
        }
        _wall ??= await Wall.GetLatestAsync(_actor!);
        if (RendererInfo.IsInteractive && _subscription is null)
        {
            _subscription = Notifier.Subscribe(OnBoardEventAsync);
            // An event committed between the first read and the subscription would otherwise be missed.
            _wall = await Wall.GetAsync(_actor!, _wall.Sequence);
            StartTimer();
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    private async Task OnBoardEventAsync(BoardEventMessage e)
    {
        if (_actor is not { } actor || (_wall is { } current && e.Sequence <= current.Sequence))
        {
            return;
        }
        var fresh = await Wall.GetAsync(actor, e.Sequence);
        await InvokeAsync(() =>
        {
            if (!_allowed || (_wall is not null && fresh.Sequence <= _wall.Sequence))
            {
                return;
            }
            var previous = _wall?.Sequence ?? 0;
            _wall = fresh;
            var until = Now + HighlightFor;
            foreach (var item in fresh.Feed.Where(f => f.Sequence > previous))
            {
                _highlights[item.Sequence] = (until, item.TownshipKey);
            }
            while (_highlights.Count > HighlightLimit)
            {
                _highlights.Remove(_highlights.Keys.Min());
            }
            _banner = fresh.Feed.Count > 0 && fresh.Feed[0].Sequence > previous ? fresh.Feed[0] : _banner;
            StateHasChanged();
        });
    }

    private void StartTimer()
    {
        _stop = new CancellationTokenSource();
        var token = _stop.Token;
        _ = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), Time);
            try
            {
                while (await timer.WaitForNextTickAsync(token))
                {
                    await InvokeAsync(Tick);
                }
            }
            catch (OperationCanceledException)
            {
                // The circuit is gone.
            }
            catch (ObjectDisposedException)
            {
                // The renderer was disposed between two ticks.
            }
#pragma warning disable CA1031 // A wall's timer must not take the circuit down; it logs and stops.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.LogWarning(ex, "The wall's timer stopped");
            }
        }, token);
    }

    private void Tick()
    {
        var now = Now;
        // A beat a minute: wall.js reloads a page whose live connection stops beating (a circuit ended by an error).
        var changed = ++_ticks % 60 == 0;
        if (changed)
        {
            _beat++;
        }
        foreach (var expired in _highlights.Where(h => h.Value.Until <= now).Select(h => h.Key).ToList())
        {
            _highlights.Remove(expired);
            changed = true;
        }
        if (_banner is not null && !_highlights.ContainsKey(_banner.Sequence))
        {
            _banner = null;
            changed = true;
        }
        if (!Options.All && Options.Fixed is null && ++_secondsOnPanel >= Options.RotateSeconds)
        {
            _secondsOnPanel = 0;
            _panelIndex = (_panelIndex + 1) % WallOptions.Panels.Count;
            changed = true;
        }
        if (changed)
        {
            StateHasChanged();
        }
    }

    private bool IsNew(long sequence) => _highlights.TryGetValue(sequence, out var h) && h.Until > Now;

    private bool IsNewIn(string township) => _highlights.Values.Any(h => h.Township == township && h.Until > Now);

    private string ProgrammeName(WallProgramme p) =>
        p.Key == WallProgramme.GoldenAutumnKey ? L.Assistance(Core.Assistance.AssistanceKind.GoldenAutumnAid)
        : Labels.English ? p.NameEn : p.Name;

    private void StopLive()
    {
        _subscription?.Dispose();
        _subscription = null;
        _stop?.Cancel();
        _stop?.Dispose();
        _stop = null;
    }

    public void Dispose() => StopLive();
}
