namespace Coordination.Core.Screenings.Details;

/// <summary>What only one kind of screening records; the type says which kind.</summary>
public abstract record ScreeningDetails
{
    public abstract ScreeningKind Kind { get; }

    /// <summary>Adds the problems of these details to <paramref name="errors"/>, fields under <paramref name="prefix"/>.</summary>
    public abstract void Check(string prefix, InputErrors errors);

    protected static void Text(string? value, int max, string field, InputErrors errors)
    {
        TextRules.Check(value, max, field, errors, multiline: true);
    }
}
