using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Core.Data;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.Property(a => a.AgencyKey).HasMaxLength(40).IsRequired();
        b.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyKey).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.TownshipKey).HasMaxLength(40);
        b.HasOne<Township>().WithMany().HasForeignKey(a => a.TownshipKey).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.DisplayName).HasMaxLength(100).IsRequired();
        b.Ignore(a => a.IsDisabled);
    }
}

internal sealed class InstallationSettingConfiguration : IEntityTypeConfiguration<InstallationSetting>
{
    public void Configure(EntityTypeBuilder<InstallationSetting> b)
    {
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(60);
        b.Property(s => s.Value).HasMaxLength(200).IsRequired();
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.HasKey(k => k.Id);
        b.Property(k => k.AgencyKey).HasMaxLength(40).IsRequired();
        b.HasOne<Agency>().WithMany().HasForeignKey(k => k.AgencyKey).OnDelete(DeleteBehavior.Restrict);
        b.Property(k => k.Name).HasMaxLength(100).IsRequired();
        b.Property(k => k.Hint).HasMaxLength(10).IsRequired();
        b.Property(k => k.Hash).HasMaxLength(64).IsRequired();
        b.HasIndex(k => k.Hash).IsUnique();
        b.Ignore(k => k.IsRevoked);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedOnAdd();
        b.Property(e => e.Who).HasMaxLength(256).IsRequired();
        b.Property(e => e.AgencyKey).HasMaxLength(40);
        b.Property(e => e.Role).HasMaxLength(20);
        b.Property(e => e.Action).HasMaxLength(60).IsRequired();
        b.Property(e => e.Subject).HasMaxLength(60);
        b.Property(e => e.SubjectId).HasMaxLength(100);
        b.Property(e => e.Fields).HasMaxLength(1000);
        b.Property(e => e.From).HasMaxLength(64);
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.SubjectId, e.Id });
        b.HasIndex(e => new { e.Who, e.Id });
    }
}
