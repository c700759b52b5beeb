using Coordination.Core;
using Coordination.Core.Figures;
using Coordination.Web.Hosting;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Coordination.Web.Components.Figures;

/// <summary>/figures: a quarter's figures by agency and by township, with trends over the last eight quarters.</summary>
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
            _interactive = true;
            StateHasChanged();
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

    private static string Format(Indicator i, decimal value) => i.Unit switch
    {
        IndicatorUnit.Yuan => value.ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture),
        IndicatorUnit.Percent or IndicatorUnit.Hours => value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture),
    };
}
