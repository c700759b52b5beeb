using Microsoft.EntityFrameworkCore.Design;

namespace Coordination.Core.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the web host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CoordinationDbContext>
{
    public CoordinationDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CoordinationDbContext>();
        Database.Configure(options, "Data Source=design-time.db");
        return new CoordinationDbContext(options.Options);
    }
}
