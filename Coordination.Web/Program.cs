using Coordination.Web.Cli;

var builder = WebApplication.CreateBuilder(args);
builder.AddCoordination();

var app = builder.Build();
app.UseCoordination();
try
{
    await app.PrepareDatabaseAsync();
}
catch (Coordination.Core.Reference.ReferenceFileException bad)
{
    // A broken reference list stops the board before it serves anything, saying which file, line and column.
    Console.Error.WriteLine("The board cannot start: a reference file cannot be read.");
    Console.Error.WriteLine(bad.Message);
    return 1;
}
if (CommandLine.IsVerb(args))
{
    return await CommandLine.RunAsync(app.Services, args, Console.Out);
}
// The server only, never a verb: demo data in Development on a demo database; Production refuses demo accounts.
if (!await app.PrepareServerAsync())
{
    return 1;
}
app.AnnounceAddressOnStart();
await app.RunAsync();
return 0;

/// <summary>The web host's entry point; public so tests can start the real app.</summary>
public partial class Program;
