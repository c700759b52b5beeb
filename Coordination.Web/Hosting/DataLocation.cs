namespace Coordination.Web.Hosting;

/// <summary>Where the reference files live and which database the board uses.</summary>
public sealed record DataLocation(string DataDirectory, string ConnectionString);
