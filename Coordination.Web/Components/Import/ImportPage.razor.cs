using Coordination.Core.Import;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using MudBlazor;

namespace Coordination.Web.Components.Import;

/// <summary>
/// 导入花名册 — bring in a register the agency already keeps: download the template, upload a spreadsheet (the
/// agency's own headers are matched by name and the mapping can be corrected), read the dry run's answer for every
/// row, then apply it all at once. Every check and write is <see cref="ImportService"/>'s, the same as the API's and
/// the CLI's; the page only holds the file between the dry run and the apply.
/// </summary>
public sealed partial class ImportPage
{
    private ImportFile? _file;
    private ImportReport? _report;
    private ImportHeaders? _headers;
    private IReadOnlyList<string> _sheets = [];
    private readonly Dictionary<string, string> _mapping = new(StringComparer.Ordinal);
    private Dictionary<string, string> _mappingErrors = new(StringComparer.Ordinal);
    private readonly HashSet<int> _distinct = [];
    private bool _leaveOutRefused;
    private ImportProgress? _progress;
    private string? _error;
    private bool _busy;
    private bool _applied;
    private string? _kind;

    [Inject]
    private ImportService Import { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    protected override void OnInitialized()
    {
        if (WorkingAs.Actor is { } actor && Catalog.Agency(actor.AgencyKey) is { } agency)
        {
            _kind = ImportService.KindOf(actor, agency);
        }
    }

    private string ColumnOf(string field) =>
        _mapping.TryGetValue(field, out var header) ? header : _headers?.Mapping.GetValueOrDefault(field) ?? "";

    private int ToWrite(ImportReport report) =>
        report.Count(ImportOutcome.New) + report.Count(ImportOutcome.Existing) + _distinct.Count(r => report.Rows.Any(x => x.Row == r && x.Outcome == ImportOutcome.NearDuplicate));

    /// <summary>Applying needs every row decided: no refused row unless refused rows are left out, no near duplicate the liaison has not looked at.</summary>
    private bool CanApply(ImportReport report) =>
        ToWrite(report) > 0
        && (_leaveOutRefused || report.Count(ImportOutcome.Refused) == 0)
        && report.Rows.Where(r => r.Outcome == ImportOutcome.NearDuplicate).All(r => _distinct.Contains(r.Row));

    /// <summary>What needs the liaison's eye comes first: refused rows, near duplicates, then the rest in file order.</summary>
    private static IEnumerable<ImportRowResult> Shown(ImportReport report) =>
        report.Rows.OrderBy(r => r.Outcome switch { ImportOutcome.Refused => 0, ImportOutcome.NearDuplicate => 1, _ => 2 }).ThenBy(r => r.Row);

    private static Color ColorOf(ImportOutcome outcome) => outcome switch
    {
        ImportOutcome.New => Color.Success,
        ImportOutcome.Existing => Color.Info,
        ImportOutcome.NearDuplicate => Color.Warning,
        ImportOutcome.Refused => Color.Error,
        _ => Color.Default,
    };

    private string ProgressText(ImportProgress p) =>
        L.Text("Import.Progress." + p.Stage.ToString().ToLowerInvariant(), p.Done, p.Total);

    private void ToggleDistinct(int row, bool on)
    {
        if (on)
        {
            _distinct.Add(row);
        }
        else
        {
            _distinct.Remove(row);
        }
    }

    private async Task OnFileChosenAsync(IBrowserFile? chosen)
    {
        if (chosen is null)
        {
            return;
        }
        Reset();
        if (chosen.Size > SpreadsheetReader.MaxBytes)
        {
            _error = L["Error.Import.TooLarge"];
            return;
        }
        _busy = true;
        try
        {
            using var buffer = new MemoryStream();
            await using (var stream = chosen.OpenReadStream(SpreadsheetReader.MaxBytes))
            {
                await stream.CopyToAsync(buffer);
            }
            _file = new ImportFile(buffer.ToArray(), chosen.Name);
        }
        catch (IOException)
        {
            // The browser went away or the upload broke off: nothing was read.
            _error = L["Error.Import.Upload"];
            return;
        }
        finally
        {
            _busy = false;
        }
        await CheckAsync();
    }

    private async Task OnSheetChangedAsync(string? sheet)
    {
        if (_file is null || sheet is null)
        {
            return;
        }
        _file = _file with { Sheet = sheet };
        _mapping.Clear();
        _distinct.Clear();
        await CheckAsync();
    }

    /// <summary>The dry run, with the mapping as the liaison corrected it: nothing is written.</summary>
    private Task CheckAsync() => RunAsync(async (actor, file, progress) =>
    {
        try
        {
            _report = await Import.DryRunAsync(actor, file, progress: progress);
            _headers = ImportHeaders.Of(_report);
            _sheets = _report.Sheets;
        }
        catch (InvalidInputException)
        {
            // A required column not found by its header: show the file's headers so the liaison can say which it is.
            _report = null;
            _headers = ImportHeaders.Read(actor, file);
            _sheets = _headers.Sheets;
            throw;
        }
    });

    private Task ApplyAsync() => RunAsync(async (actor, file, progress) =>
    {
        var report = _report!;
        var leaveOut = _leaveOutRefused ? report.Rows.Where(r => r.Outcome == ImportOutcome.Refused).Select(r => r.Row).ToHashSet() : [];
        _report = await Import.ApplyAsync(actor, file, new ImportChoices(leaveOut, _distinct.ToHashSet()), progress: progress);
        _applied = true;
    });

    /// <summary>
    /// Runs a dry run or an apply off the circuit's turn, showing its progress; a refusal of the file or the mapping
    /// is shown in words, and a refused apply (the register changed since the dry run) shows the new report.
    /// </summary>
    private async Task RunAsync(Func<Actor, ImportFile, IProgress<ImportProgress>, Task> run)
    {
        if (WorkingAs.Actor is not { } actor || _file is null || _busy)
        {
            return;
        }
        _busy = true;
        _error = null;
        _mappingErrors = new(StringComparer.Ordinal);
        var file = _file with { Mapping = _mapping.Count == 0 ? null : new Dictionary<string, string>(_mapping) };
        var progress = new Progress<ImportProgress>(p => _ = InvokeAsync(() =>
        {
            if (_busy)
            {
                _progress = p;
                StateHasChanged();
            }
        }));
        _progress = new ImportProgress(ImportStage.Reading, 0, 0);
        StateHasChanged();
        try
        {
            await Task.Run(() => run(actor, file, progress));
        }
        catch (ImportFileException ex)
        {
            _report = null;
            _headers = null;
            _sheets = ex.Sheets.Count > 0 ? ex.Sheets : _sheets;
            _error = L.Text(ex.Code, [.. ex.Arguments]);
        }
        catch (ImportNotCleanException ex)
        {
            _report = ex.Report;
            _error = L[ex.Code];
        }
        catch (InvalidInputException ex)
        {
            // A mapping Core cannot use: each field's reason beside its choice.
            _mappingErrors = ex.Errors.ByField.ToDictionary(kv => kv.Key.Split('.')[^1], kv => L[kv.Value[0]], StringComparer.Ordinal);
            _error = L["Error.InvalidInput"];
        }
        catch (DomainException ex)
        {
            _error = L.Error(ex);
        }
        finally
        {
            _busy = false;
            _progress = null;
        }
    }

    private void Reset()
    {
        _file = null;
        _report = null;
        _headers = null;
        _sheets = [];
        _mapping.Clear();
        _mappingErrors = new(StringComparer.Ordinal);
        _distinct.Clear();
        _leaveOutRefused = false;
        _applied = false;
        _error = null;
    }

    private async Task DownloadTemplateAsync()
    {
        if (WorkingAs.Actor is not { } actor)
        {
            return;
        }
        var file = new MemoryStream();
        await Import.WriteTemplateAsync(actor, null, file);
        await SaveAsync(file, L.Text("Import.Template.FileName", L.Agency(actor.AgencyKey)));
    }

    private async Task DownloadReportAsync()
    {
        if (_report is null || WorkingAs.Actor is not { } actor)
        {
            return;
        }
        var file = new MemoryStream();
        await Import.WriteReportAsync(actor, _report, file);
        await SaveAsync(file, L.Text("Import.Report.FileName", Path.GetFileNameWithoutExtension(_file?.FileName ?? "import")));
    }

    private async Task SaveAsync(MemoryStream file, string name)
    {
        file.Position = 0;
        using var stream = new DotNetStreamReference(file);
        await JS.InvokeVoidAsync("boardFigures.saveFile", name, Api.FiguresApi.XlsxType, stream);
    }
}
