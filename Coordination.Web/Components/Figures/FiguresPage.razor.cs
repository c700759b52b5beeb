using Coordination.Core.Figures;
using Microsoft.JSInterop;
using MudBlazor;

namespace Coordination.Web.Components.Figures;

/// <summary>
/// /figures: a quarter's figures by agency and by township, with trends over the last eight quarters; the
/// quarter's submission and lock, followed live; the reported figures; the records behind a number; the workbook.
/// </summary>
public partial class FiguresPage
{
    private static readonly string[] TrendKeys =
    [
        IndicatorCatalogue.ScreeningsKey(Core.Screenings.ScreeningKind.Household),
        IndicatorCatalogue.ReferralsSent,
        IndicatorCatalogue.SaturdayAttendances,
        IndicatorCatalogue.GoldenAutumnYuan,
    ];

    private FiguresReport? _report;
    private IReadOnlyList<FigureTable>? _trend;
    private string[] _trendLabels = [];
    private string? _typed;
    private string? _quarterError;
    private string _indicator = IndicatorCatalogue.ReferralsSent;
    private bool _interactive;
    private bool _busy;
    private bool _downloading;
    private string? _signOffError;
    private string? _reasonError;
    private bool _reportedSaved;
    private IReadOnlyDictionary<string, string> _reportedErrors = new Dictionary<string, string>();
    private FigureRecords? _records;
    private IDisposable? _subscription;

    [SupplyParameterFromQuery(Name = "quarter")]
    public string? QuarterParameter { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _typed = string.IsNullOrWhiteSpace(QuarterParameter) ? Figures.LastFinishedQuarter.ToString() : QuarterParameter;
        await LoadAsync(_typed);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _subscription = Notifier.Subscribe(OnBoardEventAsync);
            _interactive = true;
            StateHasChanged();
        }
    }

    /// <summary>A submission, a lock or an entry by anyone, anywhere: this page shows it at once.</summary>
    private async Task OnBoardEventAsync(BoardEventMessage e)
    {
        if (!e.Kind.StartsWith(BoardEventKinds.FiguresPrefix, StringComparison.Ordinal) || _report is null || e.Detail?.Quarter != _report.Quarter.ToString())
        {
            return;
        }
        await InvokeAsync(async () =>
        {
            await ReloadAsync();
            StateHasChanged();
        });
    }

    public void Dispose() => _subscription?.Dispose();

    private async Task ReloadAsync()
    {
        if (_report is not null && WorkingAs.Actor is { } actor)
        {
            _report = await Figures.ReportAsync(actor, _report.Quarter);
        }
    }

    /// <summary>The agency whose reported figures this reader enters: its own, for its lead.</summary>
    private string? ReportingAgency => WorkingAs.Actor is { } a && IndicatorCatalogue.AgencyOrder.Contains(a.AgencyKey)
        && Core.Access.Rights.CanEnterReportedFigures(a, a.AgencyKey) ? a.AgencyKey : null;

    private string? ReportedClosedReason => _report is null || ReportingAgency is not { } agency ? null
        : _report.SignOff.IsLocked ? L["Error.Figures.Locked"]
        : _report.SignOff.Of(agency)?.SubmittedAt is not null ? L["Error.Figures.Submitted"]
        : null;

    private bool RecordsOf(string key) => FiguresService.HasRecords(key) && WorkingAs.Actor is { } a && Core.Access.Rights.CanOpenFigureRecords(a);

    /// <summary>Runs one sign-off step; a refusal is said in words and nothing changes.</summary>
    private async Task StepAsync(Func<Actor, Quarter, Task> step)
    {
        if (_report is null || WorkingAs.Actor is not { } actor)
        {
            return;
        }
        _busy = true;
        _signOffError = null;
        _reasonError = null;
        try
        {
            await step(actor, _report.Quarter);
        }
        catch (InvalidInputException ex)
        {
            _reasonError = ex.Errors.First("reason") is { } code ? L[code] : null;
        }
        catch (DomainException ex)
        {
            _signOffError = L[ex.Code];
        }
        finally
        {
            _busy = false;
        }
        await ReloadAsync();
    }

    private Task SubmitAsync() => StepAsync((a, q) => SignOffService.SubmitAsync(a, q, a.AgencyKey));

    private Task WithdrawAsync() => StepAsync((a, q) => SignOffService.WithdrawAsync(a, q, a.AgencyKey));

    private Task LockAsync() => StepAsync((a, q) => SignOffService.LockAsync(a, q));

    private Task UnlockAsync(string? reason) => StepAsync((a, q) => SignOffService.UnlockAsync(a, q, reason));

    private async Task SaveReportedAsync(ReportedFiguresTyped typed)
    {
        if (_report is null || WorkingAs.Actor is not { } actor || ReportingAgency is not { } agency)
        {
            return;
        }
        _busy = true;
        _reportedSaved = false;
        try
        {
            await SignOffService.EnterReportedAsync(actor, _report.Quarter, agency, typed.Values, typed.Remark);
            _reportedErrors = new Dictionary<string, string>();
            _reportedSaved = true;
        }
        catch (InvalidInputException ex)
        {
            _reportedErrors = ex.Errors.ByField.ToDictionary(kv => kv.Key, kv => L[kv.Value[0]]);
        }
        catch (DomainException ex)
        {
            _reportedErrors = new Dictionary<string, string>();
            _signOffError = L[ex.Code];
        }
        finally
        {
            _busy = false;
        }
        await ReloadAsync();
    }

    private async Task OpenRecordsAsync(Indicator indicator)
    {
        if (_report is not null && WorkingAs.Actor is { } actor)
        {
            _records = await Figures.RecordsAsync(actor, _report.Quarter, indicator.Key);
        }
    }

    /// <summary>The workbook made on the server while the page shows progress, then saved by the browser.</summary>
    private async Task DownloadAsync()
    {
        if (_report is null || WorkingAs.Actor is not { } actor)
        {
            return;
        }
        _downloading = true;
        StateHasChanged();
        try
        {
            // Let the progress show before the work starts.
            await Task.Yield();
            var file = new MemoryStream();
            await Figures.WriteWorkbookAsync(actor, _report.Quarter, file);
            file.Position = 0;
            using var stream = new DotNetStreamReference(file);
            await JS.InvokeVoidAsync("boardFigures.saveFile", Core.Export.QuarterlyWorkbook.FileName(_report.Quarter), Api.FiguresApi.XlsxType, stream);
        }
        finally
        {
            _downloading = false;
        }
    }

    private async Task ApplyAsync()
    {
        if (await LoadAsync(_typed) && _report is not null)
        {
            Navigation.NavigateTo("/figures?quarter=" + _report.Quarter, replace: true);
        }
    }

    private async Task<bool> LoadAsync(string? text)
    {
        if (WorkingAs.Actor is not { } actor)
        {
            return false;
        }
        Quarter quarter;
        try
        {
            quarter = await Figures.ParseQuarterAsync(text);
        }
        catch (InvalidInputException ex)
        {
            _quarterError = L[ex.Errors.First("quarter")!];
            return false;
        }
        _quarterError = null;
        _report = await Figures.ReportAsync(actor, quarter);
        _trend = await Figures.TrendAsync(actor, quarter);
        _trendLabels = _trend.Select(t => t.Quarter.ToString()).ToArray();
        return true;
    }

    private List<ChartSeries<double>> Series(Indicator i) =>
    [
        new() { Name = i.DisplayName(Labels.English), Data = new ChartData<double>(_trend!.Select(t => (double)t.Total(i.Key)).ToArray()) },
    ];

    private static string Format(Indicator i, decimal value) => FiguresFormat.Value(i, value);
}
