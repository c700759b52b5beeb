namespace Coordination.Core.Assistance;

/// <summary>The rules an assistance record must satisfy, for the form and the API alike.</summary>
public static class AssistanceRules
{
    public const int NoteMaxLength = 1000;
    public const int MaxCount = 1000;

    public static void Check(RecordAssistance input, Programme? programme, DateOnly today, InputErrors errors)
    {
        if (input.ChildId is null)
        {
            errors.Add("childId", "Error.Child.Required");
        }
        AssistanceKind? kind = null;
        if (string.IsNullOrWhiteSpace(input.Kind))
        {
            errors.Add("kind", "Error.AssistanceKind.Required");
        }
        else if (!EnumKeys.TryParse<AssistanceKind>(input.Kind, out var k))
        {
            errors.Add("kind", "Error.AssistanceKind.Unknown");
        }
        else
        {
            kind = k;
        }

        if (input.Date is not { } date)
        {
            errors.Add("date", "Error.Date.Required");
        }
        else if (date > today)
        {
            errors.Add("date", "Error.Date.Future");
        }
        else if (date < Screenings.ScreeningRules.Earliest)
        {
            errors.Add("date", "Error.Date.TooOld");
        }

        if (!string.IsNullOrWhiteSpace(input.Programme))
        {
            if (programme is null)
            {
                errors.Add("programme", "Error.Programme.Unknown");
            }
            else if (kind is { } pk && programme.Kind != pk)
            {
                errors.Add("programme", "Error.Programme.WrongKind");
            }
            else if (input.Date is { } d && !programme.IsRunningOn(d))
            {
                errors.Add("date", "Error.Programme.NotRunning");
            }
        }

        if (kind is { } measured && AssistanceMeasure.IsMoney(measured))
        {
            if (input.Amount is not { } amount)
            {
                errors.Add("amount", "Error.Amount.Required");
            }
            else if (amount <= 0 || AssistanceMeasure.ToFen(amount) is null)
            {
                errors.Add("amount", "Error.Amount.Format");
            }
            if (input.Count is not null)
            {
                errors.Add("count", "Error.Count.NotForMoney");
            }
        }
        else if (kind is not null)
        {
            if (input.Count is { } count && (count < 1 || count > MaxCount))
            {
                errors.Add("count", "Error.Count.Range");
            }
            if (input.Amount is not null)
            {
                errors.Add("amount", "Error.Amount.NotForCount");
            }
        }

        TextRules.Check(input.Note, NoteMaxLength, "note", errors, multiline: true);
    }
}
