using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Core.Data;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.HasKey(r => r.Id);
        b.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.FromAgencyKey).HasMaxLength(40).IsRequired();
        b.HasOne<Agency>().WithMany().HasForeignKey(r => r.FromAgencyKey).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.ToAgencyKey).HasMaxLength(40).IsRequired();
        b.HasOne<Agency>().WithMany().HasForeignKey(r => r.ToAgencyKey).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.SuggestedAgencyKey).HasMaxLength(40);
        b.Property(r => r.Note).HasMaxLength(ReferralRules.NoteMaxLength).IsRequired();
        b.Property(r => r.CreatedBy).HasMaxLength(100).IsRequired();
        b.Property(r => r.DeclineReason).HasMaxLength(ReferralRules.ReasonMaxLength);
        b.Property(r => r.Outcome).HasMaxLength(ReferralRules.ReasonMaxLength);
        b.Property(r => r.WithdrawReason).HasMaxLength(ReferralRules.ReasonMaxLength);
        // Two liaisons may act at once: the loser's UPDATE finds another version and changes nothing.
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.ReferralId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Steps).HasField("_steps").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(r => r.IsOpen);
        b.Ignore(r => r.DueAt);
        b.Ignore(r => r.LastTransition);
        b.HasIndex(r => new { r.ToAgencyKey, r.Status });
        b.HasIndex(r => new { r.FromAgencyKey, r.Status });
        b.HasIndex(r => new { r.ChildId, r.CreatedAt });
        b.HasIndex(r => new { r.Status, r.AcceptDueAt });
        b.HasIndex(r => new { r.Status, r.CompleteDueAt });
        b.HasIndex(r => r.CreatedAt);
    }
}

internal sealed class ReferralStepConfiguration : IEntityTypeConfiguration<ReferralStep>
{
    public void Configure(EntityTypeBuilder<ReferralStep> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedOnAdd();
        b.Property(s => s.AgencyKey).HasMaxLength(40).IsRequired();
        b.Property(s => s.Person).HasMaxLength(100).IsRequired();
        b.Property(s => s.Note).HasMaxLength(ReferralRules.NoteMaxLength);
        b.HasIndex(s => new { s.ReferralId, s.At });
    }
}
