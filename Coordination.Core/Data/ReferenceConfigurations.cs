using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Core.Data;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
    {
        b.HasKey(a => a.Key);
        b.Property(a => a.Key).HasMaxLength(40);
        b.Property(a => a.Name).HasMaxLength(50).IsRequired();
        b.Property(a => a.NameEn).HasMaxLength(100).IsRequired();
        b.Property(a => a.ScreeningKind).HasMaxLength(40);
    }
}

internal sealed class TownshipConfiguration : IEntityTypeConfiguration<Township>
{
    public void Configure(EntityTypeBuilder<Township> b)
    {
        b.HasKey(t => t.Key);
        b.Property(t => t.Key).HasMaxLength(40);
        b.Property(t => t.Name).HasMaxLength(50).IsRequired();
        b.Property(t => t.NameEn).HasMaxLength(100).IsRequired();
        b.Property(t => t.Kind).HasMaxLength(10).IsRequired();
        b.Property(t => t.Note).HasMaxLength(200);
        b.Ignore(t => t.IsTownship);
    }
}

internal sealed class VillageConfiguration : IEntityTypeConfiguration<Village>
{
    public void Configure(EntityTypeBuilder<Village> b)
    {
        b.HasKey(v => v.Id);
        b.Property(v => v.TownshipKey).HasMaxLength(40).IsRequired();
        b.Property(v => v.Name).HasMaxLength(Village.NameMaxLength).IsRequired();
        b.HasOne<Township>().WithMany().HasForeignKey(v => v.TownshipKey).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(v => new { v.TownshipKey, v.Name }).IsUnique();
    }
}
