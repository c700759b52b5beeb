using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Core.Data;

/// <summary>The five clears, stored as five columns wherever they appear (the child, the school survey).</summary>
internal static class FiveClearsMapping
{
    public static void Configure(ComplexPropertyBuilder<FiveClears> b)
    {
        b.Property(f => f.BasicFacts).HasMaxLength(FiveClears.FieldMaxLength);
        b.Property(f => f.Personality).HasMaxLength(FiveClears.FieldMaxLength);
        b.Property(f => f.Hobbies).HasMaxLength(FiveClears.FieldMaxLength);
        b.Property(f => f.Health).HasMaxLength(FiveClears.FieldMaxLength);
        b.Property(f => f.GuardianContact).HasMaxLength(FiveClears.FieldMaxLength);
        b.Ignore(f => f.IsComplete);
    }
}
