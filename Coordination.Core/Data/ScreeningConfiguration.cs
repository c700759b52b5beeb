using Coordination.Core.Children;
using Coordination.Core.Reference;
using Coordination.Core.Screenings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Core.Data;

internal sealed class ScreeningConfiguration : IEntityTypeConfiguration<Screening>
{
    public void Configure(EntityTypeBuilder<Screening> b)
    {
        b.HasKey(s => s.Id);
        b.HasOne<Child>().WithMany().HasForeignKey(s => s.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.AgencyKey).HasMaxLength(40).IsRequired();
        b.HasOne<Agency>().WithMany().HasForeignKey(s => s.AgencyKey).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.RecordedBy).HasMaxLength(100).IsRequired();
        b.Property(s => s.Findings).HasMaxLength(ScreeningRules.FindingsMaxLength).IsRequired();
        b.HasIndex(s => new { s.ChildId, s.Date });
        b.HasIndex(s => new { s.AgencyKey, s.RecordedAt });
        b.HasIndex(s => s.Date);
    }
}
