using MudBlazor;

namespace Coordination.Web.Components.Children;

/// <summary>
/// 儿童档案 — the register, one page at a time: filtering, ordering, counting and paging all happen in SQL
/// (<see cref="ChildService.ListAsync"/>), so the page stays quick with tens of thousands of children.
/// </summary>
public sealed partial class ChildrenPage : IDisposable
{
    public const string AllStatuses = "all";
    public static readonly int[] PageSizes = [25, 50, 100];

    private readonly CancellationTokenSource _disposed = new();
    private MudDataGrid<ChildRow>? _grid;
    private static readonly GridData<ChildRow> Nothing = new() { Items = [], TotalItems = 0 };
    private GridData<ChildRow>? _shown;
    private string? _text;
    private string? _township;
    private string? _category;
    private string? _risk;
    private string? _status = ChildStatus.Active.Key();
    private string? _agency;

    [Inject]
    private ChildService Children { get; set; } = default!;

    /// <summary>Links from elsewhere (a township tile, say) may open the register already filtered.</summary>
    [SupplyParameterFromQuery(Name = "township")]
    public string? TownshipQuery { get; set; }

    [SupplyParameterFromQuery(Name = "category")]
    public string? CategoryQuery { get; set; }

    [SupplyParameterFromQuery(Name = "risk")]
    public string? RiskQuery { get; set; }

    [SupplyParameterFromQuery(Name = "agency")]
    public string? AgencyQuery { get; set; }

    [SupplyParameterFromQuery(Name = "q")]
    public string? TextQuery { get; set; }

    protected override void OnInitialized()
    {
        _township = Catalog.Township(TownshipQuery)?.Key;
        _category = EnumKeys.TryParse<ChildCategory>(CategoryQuery, out var c) ? c.Key() : null;
        _risk = EnumKeys.TryParse<RiskLevel>(RiskQuery, out var r) && r > RiskLevel.None ? r.Key() : null;
        _agency = Catalog.Agency(AgencyQuery)?.Key;
        _text = string.IsNullOrWhiteSpace(TextQuery) ? null : TextQuery.Trim();
    }

    private ChildQuery Query(GridState<ChildRow> state)
    {
        var (sort, descending) = SortOf(state.SortDefinitions.FirstOrDefault());
        return new(
            Township: _township,
            Category: EnumKeys.TryParse<ChildCategory>(_category, out var category) ? category : null,
            MinRisk: EnumKeys.TryParse<RiskLevel>(_risk, out var risk) ? risk : null,
            Status: EnumKeys.TryParse<ChildStatus>(_status, out var status) ? status : null,
            Agency: _agency,
            Text: string.IsNullOrWhiteSpace(_text) ? null : _text.Trim(),
            Sort: sort,
            Descending: descending,
            Page: state.Page,
            PageSize: state.PageSize);
    }

    /// <summary>The grid's sortable columns are the register's orders; with none chosen, the highest risk comes first.</summary>
    private static (ChildSort Sort, bool Descending) SortOf(SortDefinition<ChildRow>? sort) => sort?.SortBy switch
    {
        nameof(ChildRow.Name) => (ChildSort.Name, sort.Descending),
        nameof(ChildRow.BirthDate) => (ChildSort.BirthDate, sort.Descending),
        nameof(ChildRow.TownshipKey) => (ChildSort.Township, sort.Descending),
        nameof(ChildRow.LastScreenedOn) => (ChildSort.LastScreened, sort.Descending),
        nameof(ChildRow.Risk) => (ChildSort.Risk, sort.Descending),
        _ => (ChildSort.Risk, true),
    };

    /// <summary>
    /// The grid's server data: one page, filtered, ordered and counted in SQL. The grid cancels an older request when
    /// it asks again; a cancelled one answers with what is shown, so a slow answer never overwrites a newer one.
    /// </summary>
    private async Task<GridData<ChildRow>> LoadAsync(GridState<ChildRow> state, CancellationToken cancel)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel, _disposed.Token);
        try
        {
            var page = await Children.ListAsync(WorkingAs.Actor!, Query(state), linked.Token);
            _shown = new GridData<ChildRow> { Items = page.Rows, TotalItems = page.Total };
            StateHasChanged();
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // A newer request (or leaving the page) took over.
        }
        return _shown ?? Nothing;
    }

    /// <summary>A changed filter shows its first page.</summary>
    private async Task OnFilterChanged(Action set)
    {
        set();
        if (_grid is null)
        {
            return;
        }
        if (_grid.CurrentPage == 0)
        {
            await _grid.ReloadServerData();
        }
        else
        {
            _grid.NavigateTo(MudBlazor.Page.First);
        }
    }

    private Task OnTextChanged(string? text) => OnFilterChanged(() => _text = text);

    /// <summary>A new order starts at its first page, as a changed filter does.</summary>
    private void OnSortChanged(Dictionary<string, SortDefinition<ChildRow>> sorts)
    {
        if (_grid is { CurrentPage: > 0 })
        {
            _grid.NavigateTo(MudBlazor.Page.First);
        }
    }

    private void OnRowClick(DataGridRowClickEventArgs<ChildRow> click) => Open(click.Item.Id);

    private void Open(Guid id) => Nav.NavigateTo(string.Create(CultureInfo.InvariantCulture, $"/children/{id}"));

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
