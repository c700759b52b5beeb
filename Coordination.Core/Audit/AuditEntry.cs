namespace Coordination.Core.Audit;

/// <summary>
/// 审计记录 — who did or saw what, when and from where. Append-only: the database refuses to change or delete
/// a row, and no face offers it. Values of personal data are never copied here, only the names of fields.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The person (account name) or "system".</summary>
    public string Who { get; private set; } = "";

    public string? AgencyKey { get; private set; }

    public string? Role { get; private set; }

    /// <summary>What happened: <see cref="AuditActions"/>.</summary>
    public string Action { get; private set; } = "";

    /// <summary>The kind of record (Child, Screening, Referral, ...), if any.</summary>
    public string? Subject { get; private set; }

    public string? SubjectId { get; private set; }

    /// <summary>
    /// For a write: the names of the fields that changed, comma-separated. For a refused sign-in: why
    /// (<c>wrong-password</c>, <c>locked-out</c>, <c>disabled</c>, <c>unknown-account</c>); <see cref="AuditRow"/> shows it as the reason.
    /// </summary>
    public string? Fields { get; private set; }

    /// <summary>Where from: an IP address, "cli", or "system".</summary>
    public string? From { get; private set; }

    public static AuditEntry Of(Actor? actor, string action, DateTimeOffset at, string? subject = null, string? subjectId = null, string? fields = null) => new()
    {
        At = at,
        Who = actor is null ? "system" : Bounded(actor.Account ?? actor.Person),
        AgencyKey = actor?.AgencyKey,
        Role = actor?.Role.Key(),
        Action = action,
        Subject = subject,
        SubjectId = subjectId,
        Fields = fields,
        From = actor?.From ?? "system",
    };

    /// <summary>
    /// A sign-in attempt, successful or not. <paramref name="who"/> is the account's e-mail when the account is known,
    /// else the name typed; <paramref name="agencyKey"/> and <paramref name="role"/> are the account's, when known;
    /// <paramref name="reason"/> says why it was refused (null when it succeeded).
    /// </summary>
    public static AuditEntry SignIn(string who, bool succeeded, string? reason, string? from, DateTimeOffset at, string? agencyKey = null, string? role = null) => new()
    {
        At = at,
        Who = Bounded(who),
        AgencyKey = agencyKey,
        Role = role,
        Action = succeeded ? AuditActions.SignInSucceeded : AuditActions.SignInFailed,
        Fields = succeeded ? null : reason,
        From = from is null ? null : Bounded(from),
    };

    /// <summary>The longest name the trail keeps (an e-mail address is at most 254 characters).</summary>
    public const int WhoMaxLength = 256;

    /// <summary>
    /// What anyone may type (a sign-in name) is kept bounded and on one line: at most <see cref="WhoMaxLength"/>
    /// characters, control and format characters replaced, so an anonymous caller cannot grow or forge the trail.
    /// </summary>
    public static string Bounded(string value)
    {
        var cut = value.Length > WhoMaxLength ? value[..WhoMaxLength] : value;
        return string.Create(cut.Length, cut, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsControl(c) || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format ? '\uFFFD' : c;
            }
        });
    }
}
