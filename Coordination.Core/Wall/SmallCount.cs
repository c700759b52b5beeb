namespace Coordination.Core.Wall;

/// <summary>
/// A count shown to a room: in a township, 1 or 2 children can be told apart by anyone who knows the village, so
/// such a count is shown as "&lt;3" and its exact value never leaves the server. Zero and three or more are exact.
/// </summary>
public readonly record struct SmallCount(int? Exact)
{
    public const int Threshold = 3;

    public const string Hidden = "<3";

    public static SmallCount Of(int n) => new(n is > 0 and < Threshold ? null : n);

    public bool IsHidden => Exact is null;

    public bool IsZero => Exact == 0;

    public override string ToString() => Exact is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : Hidden;
}
