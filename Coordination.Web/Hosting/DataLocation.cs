using Coordination.Core.Data;

namespace Coordination.Web.Hosting;

/// <summary>Where the reference files live and which database the board uses.</summary>
public sealed record DataLocation(string DataDirectory, string ConnectionString)
{
    /// <summary><c>Data:Directory</c> or the nearest <c>data/</c>; <c>ConnectionStrings:Coordination</c> or <c>data/coordination.db</c>.</summary>
    public static DataLocation From(IConfiguration config, IWebHostEnvironment env)
    {
        var directory = ReferenceData.LocateDataDirectory(config["Data:Directory"], env.ContentRootPath, AppContext.BaseDirectory);
        var connectionString = config.GetConnectionString("Coordination")
            ?? Database.ConnectionStringFor(Path.Combine(directory, "coordination.db"));
        return new DataLocation(directory, connectionString);
    }
}
