using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coordination.Core.Data;

internal sealed class BoardEventConfiguration : IEntityTypeConfiguration<BoardEvent>
{
    public void Configure(EntityTypeBuilder<BoardEvent> b)
    {
        b.HasKey(e => e.Sequence);
        // Handed out inside the writing transaction (see SaveWithEventsAsync), never by the database.
        b.Property(e => e.Sequence).ValueGeneratedNever();
        b.Property(e => e.Kind).HasMaxLength(40).IsRequired();
        b.Property(e => e.AgencyKey).HasMaxLength(40).IsRequired();
        b.Property(e => e.TownshipKey).HasMaxLength(40);
        b.Property(e => e.Summary).HasMaxLength(300).IsRequired();
        // Stored as the JSON object the API sends, so the log reads the same in the database and on the wire.
        b.Property(e => e.Detail).HasMaxLength(200)
            .HasConversion(d => BoardEventDetail.ToStored(d), s => BoardEventDetail.FromStored(s));
    }
}
