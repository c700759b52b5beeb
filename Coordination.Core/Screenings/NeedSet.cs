namespace Coordination.Core.Screenings;

/// <summary>Turns the <see cref="Need"/> flags into their keys and back.</summary>
public static class NeedSet
{
    public static IReadOnlyList<Need> Each { get; } = Enum.GetValues<Need>().Where(n => n != Need.None).ToArray();

    public static IReadOnlyList<Need> Split(Need needs) => Each.Where(n => needs.HasFlag(n)).ToArray();

    public static IReadOnlyList<string> Keys(Need needs) => Split(needs).Select(n => n.Key()).ToArray();
}
