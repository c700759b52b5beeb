namespace Coordination.Core.Assistance;

/// <summary>How far a programme has come: <see cref="Achieved"/> in the programme's unit.</summary>
public sealed record ProgrammeProgress(Programme Programme, int Achieved, int Records, long AmountFen)
{
    public double? Share => Programme.Target is > 0 and var t ? Math.Min(1.0, (double)Achieved / t) : null;
}
