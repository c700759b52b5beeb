using Coordination.Web.Cli;
using Coordination.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCoordination();

var app = builder.Build();
app.UseCoordination();
await app.PrepareDatabaseAsync();
if (CommandLine.IsVerb(args))
{
    return await CommandLine.RunAsync(app.Services, args, Console.Out);
}
app.AnnounceAddressOnStart();
await app.RunAsync();
return 0;

/// <summary>The web host's entry point; public so tests can start the real app.</summary>
public partial class Program;
