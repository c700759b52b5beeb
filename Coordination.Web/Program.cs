using Coordination.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCoordination();

var app = builder.Build();
app.UseCoordination();
await app.PrepareDatabaseAsync();
app.AnnounceAddressOnStart();
await app.RunAsync();

/// <summary>The web host's entry point; public so tests can start the real app.</summary>
public partial class Program;
