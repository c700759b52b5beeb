using Microsoft.AspNetCore.Authorization;

namespace Coordination.Web.Accounts;

/// <summary>
/// Which pages a signed-in person may open: authorisation policies that ask <see cref="Rights"/>, the one place
/// the rules are written, with the person's own actor (role, agency, township). The services enforce the same
/// rules whatever the page does; these keep people from pages that would only refuse them.
/// </summary>
public static class AccessRoles
{
    /// <summary>Children's files and the register (<see cref="Rights.CanListChildren"/>).</summary>
    public const string Readers = "rights:list-children";

    /// <summary>Referral lists (<see cref="Rights.CanReadReferrals"/>).</summary>
    public const string ReferralReaders = "rights:read-referrals";

    /// <summary>Recording a screening (<see cref="Rights.CanScreen"/>).</summary>
    public const string Screeners = "rights:screen";

    /// <summary>Sending a referral (<see cref="Rights.CanCreateReferral"/>).</summary>
    public const string ReferralSenders = "rights:create-referral";

    /// <summary>Recording assistance (<see cref="Rights.CanRecordAssistance"/>).</summary>
    public const string AssistanceRecorders = "rights:record-assistance";

    /// <summary>Correcting a child's record (<see cref="Rights.CanEditChild"/>).</summary>
    public const string Editors = "rights:edit-child";

    /// <summary>Accounts, reference data, the audit trail (<see cref="Rights.CanAdminister"/>).</summary>
    public const string Administrators = "rights:administer";

    /// <summary>Figures and programme progress (<see cref="Rights.CanReadAggregates"/>).</summary>
    public const string AggregateReaders = "rights:read-aggregates";

    /// <summary>The board's lines as they happen: the hub for programs (<see cref="Rights.CanSeeBoardLines"/>).</summary>
    public const string BoardLineReaders = "rights:see-board-lines";

    /// <summary>Each policy and the rule it asks.</summary>
    public static readonly IReadOnlyDictionary<string, Func<Actor, bool>> Rules = new Dictionary<string, Func<Actor, bool>>
    {
        [Readers] = Rights.CanListChildren,
        [ReferralReaders] = Rights.CanReadReferrals,
        [Screeners] = Rights.CanScreen,
        [ReferralSenders] = Rights.CanCreateReferral,
        [AssistanceRecorders] = Rights.CanRecordAssistance,
        [Editors] = Rights.CanEditChild,
        [Administrators] = Rights.CanAdminister,
        [AggregateReaders] = Rights.CanReadAggregates,
        [BoardLineReaders] = Rights.CanSeeBoardLines,
    };

    /// <summary>Registers one policy per rule: signed in, and the rule holds for the person's actor.</summary>
    public static AuthorizationBuilder AddRightsPolicies(this AuthorizationBuilder builder)
    {
        foreach (var (name, rule) in Rules)
        {
            builder.AddPolicy(name, p => p.RequireAuthenticatedUser()
                .RequireAssertion(ctx => AccountClaims.ToActor(ctx.User, null) is { } actor && rule(actor)));
        }
        return builder;
    }
}
