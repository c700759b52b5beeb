using Coordination.Core.Referrals;
using Microsoft.Extensions.Options;

namespace Coordination.Web.Components.Referrals;

/// <summary>
/// 发起转介 — refer a child to another agency. Opened from a child's profile or a screening's needs with
/// <c>?child={id}&amp;need={key}</c> filled in; the child is shown masked.
/// </summary>
public sealed partial class NewReferralPage
{
    private readonly ReferralForm _form = new();
    private FormErrors _errors = default!;

    [Inject]
    private ReferralService Referrals { get; set; } = default!;

    [Inject]
    private ChildService Children { get; set; } = default!;

    [Inject]
    private IOptions<ReferralDueTimes> DueTimes { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "child")]
    public Guid? ChildId { get; set; }

    [SupplyParameterFromQuery(Name = "need")]
    public string? Need { get; set; }

    private string DueHint => EnumKeys.TryParse<ReferralUrgency>(_form.Urgency, out var u)
        ? L.Text("NewReferral.DueHint", L.Duration(DueTimes.Value.For(u).Accept), L.Duration(DueTimes.Value.For(u).Complete))
        : "";

    protected override void OnInitialized() => _errors = new FormErrors(_form, L);

    protected override async Task OnInitializedAsync()
    {
        if (ChildId is { } id && await Children.FindByIdAsync(WorkingAs.Actor!, id) is { } child)
        {
            _form.Child = child;
        }
        if (ReferralRules.TryParseNeed(Need, out var need))
        {
            _form.Need = need.Key();
        }
    }

    private Task<IReadOnlyList<ChildMatch>> FindAsync(string text, CancellationToken ct) =>
        Children.FindAsync(WorkingAs.Actor!, text, ct: ct);

    private void Choose(ChildMatch? match) => _form.Child = match;

    private async Task SaveAsync()
    {
        if (WorkingAs.Actor is not { } actor)
        {
            return;
        }
        ReferralDetail? made = null;
        if (await _errors.SaveAsync(async () => made = await Referrals.CreateAsync(actor, new NewReferral(_form.Child?.Id, _form.To, _form.Need, _form.Urgency, _form.Note))))
        {
            Nav.NavigateTo($"/referrals?box={ReferralsPage.OutboxKey}&sent={made!.Referral.Id}");
        }
    }

    /// <summary>What the form holds (its paths are those of the API's referral body).</summary>
    private sealed class ReferralForm
    {
        [ApiPath("childId")]
        public ChildMatch? Child { get; set; }

        public string? To { get; set; }

        public string? Need { get; set; }

        public string? Urgency { get; set; } = ReferralUrgency.Normal.Key();

        public string? Note { get; set; }
    }
}
