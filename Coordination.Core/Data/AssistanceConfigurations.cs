using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Core.Data;

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> b)
    {
        b.HasKey(p => p.Key);
        b.Property(p => p.Key).HasMaxLength(60);
        b.Property(p => p.Name).HasMaxLength(100).IsRequired();
        b.Property(p => p.NameEn).HasMaxLength(200).IsRequired();
        b.Property(p => p.LeadAgencyKey).HasMaxLength(40).IsRequired();
        b.HasOne<Agency>().WithMany().HasForeignKey(p => p.LeadAgencyKey).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssistanceRecordConfiguration : IEntityTypeConfiguration<AssistanceRecord>
{
    public void Configure(EntityTypeBuilder<AssistanceRecord> b)
    {
        b.ToTable("AssistanceRecords");
        b.HasKey(a => a.Id);
        b.HasOne<Child>().WithMany().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.AgencyKey).HasMaxLength(40).IsRequired();
        b.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyKey).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.ProgrammeKey).HasMaxLength(60);
        b.HasOne<Programme>().WithMany().HasForeignKey(a => a.ProgrammeKey).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.Note).HasMaxLength(AssistanceRules.NoteMaxLength).IsRequired();
        b.Property(a => a.RecordedBy).HasMaxLength(100).IsRequired();
        b.HasIndex(a => new { a.ChildId, a.Date });
        b.HasIndex(a => new { a.ProgrammeKey, a.ChildId });
        b.HasIndex(a => new { a.AgencyKey, a.Date });
        // Covering for the quarter's assistance sums by kind and township.
        b.HasIndex(a => new { a.Date, a.Kind, a.ChildId, a.Count, a.AmountFen });
    }
}
