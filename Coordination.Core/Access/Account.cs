using Microsoft.AspNetCore.Identity;

namespace Coordination.Core.Access;

/// <summary>
/// 账号 — one person's sign-in (ASP.NET Core Identity), tied to one agency and one role; a township supervisor's
/// also to one township. The agency is the account's: nobody picks it at sign-in.
/// </summary>
public sealed class Account : IdentityUser
{
    public string AgencyKey { get; set; } = "";

    public Role Role { get; set; }

    public string? TownshipKey { get; set; }

    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When an administrator took the account's access away; null while it may sign in.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    public bool IsDisabled => DisabledAt is not null;

    public Actor ToActor(string? from = null) => new(AgencyKey, DisplayName.Length > 0 ? DisplayName : UserName ?? Id, Role, TownshipKey, from);
}
