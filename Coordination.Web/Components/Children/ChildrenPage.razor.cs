using Coordination.Web.Hosting;
using System.Globalization;
using Coordination.Core;
using Coordination.Core.Children;
using Coordination.Core.Reference;
using Microsoft.AspNetCore.Components;

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
    private CancellationTokenSource? _running;
    private ChildPage? _page;
    private bool _loading;
    private string? _text;
    private string? _township;
    private string? _category;
    private string? _risk;
    private string? _status = ChildStatus.Active.Key();
    private string? _agency;
    private ChildSort _sort = ChildSort.Risk;
    private bool _descending = true;
    private int _pageIndex;
    private int _pageSize = PageSizes[0];

    [Inject]
    private ChildService Children { get; set; } = default!;

    [Inject]
    private WorkingAs WorkingAs { get; set; } = default!;

    [Inject]
    private ReferenceCatalog Catalog { get; set; } = default!;

    [Inject]
    private NavigationManager Nav { get; set; } = default!;

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

    private int PageCount => _page is null ? 1 : Math.Max(1, (int)Math.Ceiling(_page.Total / (double)_page.PageSize));

    private string RangeText => _page is null || _page.Total == 0
        ? ""
        : L.Text("Children.Range", (_page.Page * _page.PageSize) + 1, (_page.Page * _page.PageSize) + _page.Rows.Count, _page.Total);

    protected override async Task OnInitializedAsync()
    {
        _township = Catalog.Township(TownshipQuery)?.Key;
        _category = EnumKeys.TryParse<ChildCategory>(CategoryQuery, out var c) ? c.Key() : null;
        _risk = EnumKeys.TryParse<RiskLevel>(RiskQuery, out var r) && r > RiskLevel.None ? r.Key() : null;
        _agency = Catalog.Agency(AgencyQuery)?.Key;
        _text = string.IsNullOrWhiteSpace(TextQuery) ? null : TextQuery.Trim();
        await LoadAsync();
    }

    private ChildQuery Query() => new(
        Township: _township,
        Category: EnumKeys.TryParse<ChildCategory>(_category, out var category) ? category : null,
        MinRisk: EnumKeys.TryParse<RiskLevel>(_risk, out var risk) ? risk : null,
        Status: EnumKeys.TryParse<ChildStatus>(_status, out var status) ? status : null,
        Agency: _agency,
        Text: string.IsNullOrWhiteSpace(_text) ? null : _text.Trim(),
        Sort: _sort,
        Descending: _descending,
        Page: _pageIndex,
        PageSize: _pageSize);

    /// <summary>Loads the current page; a newer request cancels an older one, so a slow answer never overwrites a newer one.</summary>
    private async Task LoadAsync()
    {
        if (_running is { } previous)
        {
            await previous.CancelAsync();
        }
        using var mine = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
        _running = mine;
        _loading = true;
        try
        {
            var page = await Children.ListAsync(WorkingAs.Actor!, Query(), mine.Token);
            if (page.Rows.Count == 0 && page.Page > 0 && page.Total > 0)
            {
                // The filter shrank the list under the current page: show its last page instead.
                _pageIndex = (page.Total - 1) / page.PageSize;
                page = await Children.ListAsync(WorkingAs.Actor!, Query(), mine.Token);
            }
            if (!mine.IsCancellationRequested)
            {
                _page = page;
                _pageIndex = page.Page;
            }
        }
        catch (OperationCanceledException) when (mine.IsCancellationRequested)
        {
            // A newer request (or leaving the page) took over.
        }
        finally
        {
            if (ReferenceEquals(_running, mine))
            {
                _running = null;
                _loading = false;
            }
        }
    }

    private async Task OnFilterChanged(Action set)
    {
        set();
        _pageIndex = 0;
        await LoadAsync();
    }

    private Task OnTextChanged(string? text) => OnFilterChanged(() => _text = text);

    private async Task SortByAsync(ChildSort sort)
    {
        if (_sort == sort)
        {
            _descending = !_descending;
        }
        else
        {
            _sort = sort;
            // Risk and dates read best newest or highest first; names and places from A.
            _descending = sort is ChildSort.Risk or ChildSort.LastScreened or ChildSort.Registered;
        }
        _pageIndex = 0;
        await LoadAsync();
    }

    private async Task OnPageChanged(int selected)
    {
        _pageIndex = Math.Max(0, selected - 1);
        await LoadAsync();
    }

    private async Task OnPageSizeChanged(int size)
    {
        _pageSize = size;
        _pageIndex = 0;
        await LoadAsync();
    }

    private void Open(Guid id) => Nav.NavigateTo(string.Create(CultureInfo.InvariantCulture, $"/children/{id}"));

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
