namespace Coordination.Core.Assistance;

/// <summary>What a programme's target counts.</summary>
public enum ProgrammeUnit
{
    /// <summary>Distinct children helped.</summary>
    Children = 1,

    /// <summary>Distinct townships reached.</summary>
    Townships = 2,

    /// <summary>Times (the sum of the records' counts).</summary>
    Times = 3,
}
