namespace Coordination.Web.Components.Wall;

/// <summary>The wall's panels that take the stage in turn (or all at once).</summary>
public enum WallPanel
{
    Map,
    Referrals,
    Programmes,
}

/// <summary>
/// How a wall shows its panels, read from its URL: <c>?rotate=20</c> (seconds each panel stays, 5–600),
/// <c>?panel=referrals</c> (one panel, fixed), <c>?layout=all</c> (every panel at once, for a 4K screen).
/// Anything else falls back to the default — rotation every 20 seconds — and never to an error.
/// </summary>
public sealed record WallOptions(bool All, WallPanel? Fixed, int RotateSeconds)
{
    public const int DefaultRotateSeconds = 20;
    public const int MinRotateSeconds = 5;
    public const int MaxRotateSeconds = 600;

    public static readonly WallOptions Default = new(false, null, DefaultRotateSeconds);

    public static IReadOnlyList<WallPanel> Panels { get; } = Enum.GetValues<WallPanel>();

    public static string Key(WallPanel panel) => panel.ToString().ToLowerInvariant();

    public static WallOptions Parse(string? rotate, string? panel, string? layout)
    {
        var seconds = int.TryParse(rotate, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is >= MinRotateSeconds and <= MaxRotateSeconds
            ? s
            : DefaultRotateSeconds;
        var all = string.Equals(layout?.Trim(), "all", StringComparison.OrdinalIgnoreCase);
        WallPanel? fixedPanel = Panels.FirstOrDefault(p => string.Equals(Key(p), panel?.Trim(), StringComparison.OrdinalIgnoreCase)) is var found
            && string.Equals(Key(found), panel?.Trim(), StringComparison.OrdinalIgnoreCase) ? found : null;
        return new WallOptions(all, all ? null : fixedPanel, seconds);
    }
}
