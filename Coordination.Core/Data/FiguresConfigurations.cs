using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Coordination.Core.Data;

/// <summary>A quarter is stored as its text (<c>2026Q3</c>): sortable and readable in the file.</summary>
internal sealed class QuarterToStringConverter() : ValueConverter<Quarter, string>(q => q.ToString(), s => Quarter.Parse(s));

internal sealed class AgencySubmissionConfiguration : IEntityTypeConfiguration<AgencySubmission>
{
    public void Configure(EntityTypeBuilder<AgencySubmission> b)
    {
        b.ToTable("AgencySubmissions");
        b.HasKey(s => new { s.Quarter, s.AgencyKey });
        b.Property(s => s.Quarter).HasConversion<QuarterToStringConverter>().HasMaxLength(6);
        b.Property(s => s.AgencyKey).HasMaxLength(40);
        b.HasOne<Agency>().WithMany().HasForeignKey(s => s.AgencyKey).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.SubmittedBy).HasMaxLength(256).IsRequired();
    }
}

internal sealed class QuarterLockConfiguration : IEntityTypeConfiguration<QuarterLock>
{
    public void Configure(EntityTypeBuilder<QuarterLock> b)
    {
        b.ToTable("QuarterLocks");
        b.HasKey(l => l.Id);
        b.Property(l => l.Quarter).HasConversion<QuarterToStringConverter>().HasMaxLength(6);
        b.Property(l => l.LockedBy).HasMaxLength(256).IsRequired();
        b.Property(l => l.Fingerprint).HasMaxLength(12).IsRequired();
        b.Property(l => l.UnlockedBy).HasMaxLength(256);
        b.Property(l => l.UnlockReason).HasMaxLength(FiguresSignOffService.UnlockReasonMaxLength);
        // The database's own guard: at most one lock in force per quarter, whoever races to lock it.
        b.HasIndex(l => l.Quarter).IsUnique().HasFilter("\"UnlockedAt\" IS NULL");
        b.Ignore(l => l.IsInForce);
        b.HasMany(l => l.Values).WithOne().HasForeignKey(v => v.LockId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(l => l.Values).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class LockedFigureConfiguration : IEntityTypeConfiguration<LockedFigure>
{
    public void Configure(EntityTypeBuilder<LockedFigure> b)
    {
        b.ToTable("LockedFigures");
        b.HasKey(v => new { v.LockId, v.IndicatorKey, v.TownshipKey });
        b.Property(v => v.IndicatorKey).HasMaxLength(80);
        b.Property(v => v.TownshipKey).HasMaxLength(60);
    }
}

internal sealed class ReportedFigureConfiguration : IEntityTypeConfiguration<ReportedFigure>
{
    public void Configure(EntityTypeBuilder<ReportedFigure> b)
    {
        b.ToTable("ReportedFigures");
        b.HasKey(r => new { r.Quarter, r.AgencyKey, r.Key });
        b.Property(r => r.Quarter).HasConversion<QuarterToStringConverter>().HasMaxLength(6);
        b.Property(r => r.AgencyKey).HasMaxLength(40);
        b.HasOne<Agency>().WithMany().HasForeignKey(r => r.AgencyKey).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Key).HasMaxLength(80);
        b.Property(r => r.Text).HasMaxLength(ReportedFiguresRules.RemarkMaxLength);
        b.Property(r => r.EnteredBy).HasMaxLength(256).IsRequired();
    }
}
