namespace Coordination.Core.Wall;

/// <summary>
/// One line of the programme-progress panel: what has been achieved against the target (null when the programme
/// has none; its name empty for Golden-Autumn aid, which the face names from its assistance kind), in the programme's unit, and the amount in fen where the programme pays money (Golden-Autumn aid).
/// </summary>
public sealed record WallProgramme(string Key, string Name, string NameEn, int Achieved, int? Target, ProgrammeUnit Unit, long AmountFen, DateOnly? Deadline)
{
    /// <summary>The line of Golden-Autumn aid the wall adds when no programme covers it.</summary>
    public const string GoldenAutumnKey = "golden-autumn-aid";

    public double? Share => Target is > 0 and var t ? Math.Min(1.0, (double)Achieved / t) : null;
}
