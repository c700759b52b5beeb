using Coordination.Core;
using Coordination.Core.Children;
using Coordination.Core.Reference;
using Coordination.Core.Referrals;
using Coordination.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Coordination.Web.Components.Referrals;

/// <summary>
/// 发起转介 — refer a child to another agency. Opened from a child's profile or a screening's needs with
/// <c>?child={id}&amp;need={key}</c> filled in; the child is shown masked.
/// </summary>
public sealed partial class NewReferralPage
{
    private ChildMatch? _child;
    private string? _to;
    private string? _need;
    private string? _urgency = ReferralUrgency.Normal.Key();
    private string? _note;
    private InputErrors? _errors;
    private bool _saving;

    [Inject]
    private ReferralService Referrals { get; set; } = default!;

    [Inject]
    private ChildService Children { get; set; } = default!;

    [Inject]
    private WorkingAs WorkingAs { get; set; } = default!;

    [Inject]
    private ReferenceCatalog Catalog { get; set; } = default!;

    [Inject]
    private NavigationManager Nav { get; set; } = default!;

    [Inject]
    private IOptions<ReferralDueTimes> DueTimes { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "child")]
    public Guid? ChildId { get; set; }

    [SupplyParameterFromQuery(Name = "need")]
    public string? Need { get; set; }

    private string DueHint => EnumKeys.TryParse<ReferralUrgency>(_urgency, out var u)
        ? L.Text("NewReferral.DueHint", L.Duration(DueTimes.Value.For(u).Accept), L.Duration(DueTimes.Value.For(u).Complete))
        : "";

    protected override async Task OnInitializedAsync()
    {
        if (ChildId is { } id && await Children.FindByIdAsync(WorkingAs.Actor!, id) is { } child)
        {
            _child = child;
        }
        if (ReferralRules.TryParseNeed(Need, out var need))
        {
            _need = need.Key();
        }
    }

    private bool Has(string field) => _errors?.Has(field) == true;

    private string? Message(string field) => _errors?.First(field) is { } code ? L.Error(code) : null;

    private Task<IReadOnlyList<ChildMatch>> FindAsync(string text, CancellationToken ct) =>
        Children.FindAsync(WorkingAs.Actor!, text, ct: ct);

    private void Choose(ChildMatch? match) => _child = match;

    private async Task SaveAsync()
    {
        if (WorkingAs.Actor is not { } actor)
        {
            return;
        }
        _saving = true;
        try
        {
            var made = await Referrals.CreateAsync(actor, new NewReferral(_child?.Id, _to, _need, _urgency, _note));
            _errors = null;
            Nav.NavigateTo($"/referrals?box={ReferralsPage.OutboxKey}&sent={made.Referral.Id}");
        }
        catch (InvalidInputException ex)
        {
            _errors = ex.Errors;
        }
        finally
        {
            _saving = false;
        }
    }
}
