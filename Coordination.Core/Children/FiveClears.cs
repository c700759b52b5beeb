namespace Coordination.Core.Children;

/// <summary>
/// 五个清楚 — what the school knows of a pupil on its home-school contact card: basic facts, personality,
/// hobbies, health and how to reach the guardian. The education bureau keeps it; everyone reads it.
/// </summary>
public sealed record FiveClears(string? BasicFacts, string? Personality, string? Hobbies, string? Health, string? GuardianContact)
{
    public const int FieldMaxLength = 500;

    public static FiveClears Empty { get; } = new(null, null, null, null, null);

    public bool IsComplete =>
        !string.IsNullOrWhiteSpace(BasicFacts) && !string.IsNullOrWhiteSpace(Personality) && !string.IsNullOrWhiteSpace(Hobbies)
        && !string.IsNullOrWhiteSpace(Health) && !string.IsNullOrWhiteSpace(GuardianContact);

    public FiveClears Trimmed() => new(Clean(BasicFacts), Clean(Personality), Clean(Hobbies), Clean(Health), Clean(GuardianContact));

    internal void Check(string prefix, InputErrors errors)
    {
        foreach (var (field, value) in new[]
                 {
                     ("basicFacts", BasicFacts), ("personality", Personality), ("hobbies", Hobbies),
                     ("health", Health), ("guardianContact", GuardianContact),
                 })
        {
            TextRules.Check(value, FieldMaxLength, prefix + field, errors, multiline: true);
        }
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
