using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Core.Data;

internal sealed class ChildConfiguration : IEntityTypeConfiguration<Child>
{
    public void Configure(EntityTypeBuilder<Child> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Name).HasMaxLength(ChildRules.NameMaxLength).IsRequired();
        b.Property(c => c.ResidentId).HasMaxLength(18).IsRequired();
        b.HasIndex(c => c.ResidentId).IsUnique();
        b.Property(c => c.TownshipKey).HasMaxLength(40).IsRequired();
        b.HasOne<Township>().WithMany().HasForeignKey(c => c.TownshipKey).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.RegisteredBy).HasMaxLength(40).IsRequired();
        b.HasIndex(c => new { c.Status, c.Risk });
        // Covering for the register by township (the board's tiles, the figures): the grouped count reads this index
        // alone, never the wide rows (city scale: about 115 -> 20 ms). Its first two columns serve the township filters.
        b.HasIndex(c => new { c.TownshipKey, c.Status, c.ClosedOn, c.Risk, c.Id });
        b.HasIndex(c => new { c.Name, c.BirthDate });
        // Covering for every figure grouped by the child's township: a join by Id reads this index, not the wide row.
        b.HasIndex(c => new { c.Id, c.TownshipKey, c.Status, c.ClosedOn, c.Risk });
        b.HasMany(c => c.Categories).WithOne().HasForeignKey(e => e.ChildId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Categories).HasField("_categories").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany<ChildRiskChange>("_riskChanges").WithOne().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Village>().WithMany().HasForeignKey(c => c.VillageId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.School).HasMaxLength(ChildRules.TextMaxLength);
        b.Property(c => c.Grade).HasMaxLength(ChildRules.TextMaxLength);
        b.Property(c => c.GuardianName).HasMaxLength(ChildRules.TextMaxLength);
        b.Property(c => c.GuardianPhone).HasMaxLength(20);
        b.Property(c => c.ParentsWorkPlace).HasMaxLength(ChildRules.TextMaxLength);
        b.Property(c => c.ClosureNote).HasMaxLength(ChildRules.ClosureNoteMaxLength);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<Child>().WithMany().HasForeignKey(c => c.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        b.ComplexProperty(c => c.FiveClears, FiveClearsMapping.Configure);
        b.Ignore(c => c.MaskedName);
        b.Ignore(c => c.MaskedResidentId);
        b.Ignore(c => c.TurnsEighteenOn);
        b.Ignore(c => c.HasReachableGuardian);
    }
}

internal sealed class ChildCategoryEnrolmentConfiguration : IEntityTypeConfiguration<ChildCategoryEnrolment>
{
    public void Configure(EntityTypeBuilder<ChildCategoryEnrolment> b)
    {
        b.ToTable("ChildCategories");
        b.HasKey(e => new { e.ChildId, e.Category });
        b.Property(e => e.AgencyKey).HasMaxLength(40).IsRequired();
        b.HasOne<Agency>().WithMany().HasForeignKey(e => e.AgencyKey).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => e.Category);
        // Covering for the figures: enrolments within a quarter and the register at its end (by date), and
        // "on the register on a day" (enrolled on or before it) and the counts by category, per child.
        b.HasIndex(e => new { e.EnrolledOn, e.Category, e.ChildId });
        b.HasIndex(e => new { e.ChildId, e.EnrolledOn, e.Category });
    }
}

internal sealed class ChildRiskChangeConfiguration : IEntityTypeConfiguration<ChildRiskChange>
{
    public void Configure(EntityTypeBuilder<ChildRiskChange> b)
    {
        b.ToTable("ChildRiskChanges");
        b.HasKey(r => r.Id);
        // The risk at a day's end: the last change on or before it, read from this index alone.
        b.HasIndex(r => new { r.ChildId, r.Since, r.Id, r.Level });
    }
}
