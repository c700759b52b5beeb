using Coordination.Core;
using Coordination.Core.Reference;
using Coordination.Web.Hosting;
using Microsoft.AspNetCore.Components;

namespace Coordination.Web.Components.Shared;

/// <summary>
/// What every page of the liaisons' board works with: who is working and for which agency, the texts in the
/// chosen language, the reference lists, the board's clock and navigation. A page says <c>@inherits BoardPageBase</c>
/// and injects only the services of its own work.
/// </summary>
public abstract class BoardPageBase : ComponentBase
{
    [Inject]
    protected WorkingAs WorkingAs { get; set; } = default!;

    [Inject]
    protected Labels L { get; set; } = default!;

    [Inject]
    protected ReferenceCatalog Catalog { get; set; } = default!;

    [Inject]
    protected BoardClock Clock { get; set; } = default!;

    [Inject]
    protected NavigationManager Nav { get; set; } = default!;
}
