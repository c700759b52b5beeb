namespace Coordination.Core.Referrals;

/// <summary>The rules a referral's input must satisfy, whoever submits it (a form or the API).</summary>
public static class ReferralRules
{
    public const int NoteMaxLength = 2000;
    public const int ReasonMaxLength = 1000;

    /// <summary>Checks what can be checked without the database; the child is the service's to find.</summary>
    public static void Check(NewReferral input, string senderAgencyKey, Func<string, bool> agencyKnown, InputErrors errors)
    {
        if (input.ChildId is null || input.ChildId == Guid.Empty)
        {
            errors.Add("childId", "Error.Child.Required");
        }

        var to = input.To?.Trim();
        if (string.IsNullOrEmpty(to))
        {
            errors.Add("to", "Error.To.Required");
        }
        else if (to == senderAgencyKey)
        {
            errors.Add("to", "Error.To.Self");
        }
        else if (!agencyKnown(to))
        {
            errors.Add("to", "Error.To.Unknown");
        }

        if (string.IsNullOrWhiteSpace(input.Need))
        {
            errors.Add("need", "Error.Need.Required");
        }
        else if (!TryParseNeed(input.Need, out _))
        {
            errors.Add("need", "Error.Need.Unknown");
        }

        if (string.IsNullOrWhiteSpace(input.Urgency))
        {
            errors.Add("urgency", "Error.Urgency.Required");
        }
        else if (!EnumKeys.TryParse<ReferralUrgency>(input.Urgency, out _))
        {
            errors.Add("urgency", "Error.Urgency.Unknown");
        }

        if (input.Note is { Length: > NoteMaxLength })
        {
            errors.Add("note", "Error.Note.TooLong");
        }
        else
        {
            TextRules.Check(input.Note, NoteMaxLength, "note", errors, multiline: true);
        }
    }

    /// <summary>One need, by its key: a referral asks for one thing.</summary>
    public static bool TryParseNeed(string? key, out Need need) =>
        EnumKeys.TryParse(key, out need) && NeedSet.Each.Contains(need);

    /// <summary>A decline or withdrawal reason: required, not too long.</summary>
    internal static string Reason(string? text)
    {
        var reason = text?.Trim() ?? "";
        var errors = new InputErrors();
        if (reason.Length == 0)
        {
            errors.Add("reason", "Error.Reason.Required");
        }
        else if (reason.Length > ReasonMaxLength)
        {
            errors.Add("reason", "Error.Reason.TooLong");
        }
        else
        {
            TextRules.Check(reason, ReasonMaxLength, "reason", errors, multiline: true);
        }
        errors.ThrowIfAny();
        return reason;
    }

    /// <summary>What was done, on completion: required, not too long.</summary>
    internal static string Outcome(string? text)
    {
        var outcome = text?.Trim() ?? "";
        var errors = new InputErrors();
        if (outcome.Length == 0)
        {
            errors.Add("outcome", "Error.Outcome.Required");
        }
        else if (outcome.Length > ReasonMaxLength)
        {
            errors.Add("outcome", "Error.Outcome.TooLong");
        }
        else
        {
            TextRules.Check(outcome, ReasonMaxLength, "outcome", errors, multiline: true);
        }
        errors.ThrowIfAny();
        return outcome;
    }
}
