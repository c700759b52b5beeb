using System.CommandLine;
using Coordination.Core.Data;
using Coordination.Core.Demo;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Web.Cli;

/// <summary><c>seed-demo</c>, <c>backup</c> and <c>restore</c>: a synthetic city, and the board's file copied and put back.</summary>
public static class DurabilityCommands
{
    public static IEnumerable<Command> Create(CliContext context) => [SeedDemo(context), Backup(context), Restore(context)];

    private static Command SeedDemo(CliContext context)
    {
        var children = new Option<int>("--children") { Description = context.Text("Cli.SeedDemo.Children"), DefaultValueFactory = _ => 20_000 };
        var years = new Option<int>("--years") { Description = context.Text("Cli.SeedDemo.Years"), DefaultValueFactory = _ => 2 };
        var seed = new Option<int>("--seed") { Description = context.Text("Cli.SeedDemo.Seed"), DefaultValueFactory = _ => 7 };
        var command = new Command("seed-demo", context.Text("Cli.SeedDemo")) { children, years, seed };
        context.Action(command, async (parse, sp, ct) =>
        {
            var factory = sp.GetRequiredService<IDbContextFactory<CoordinationDbContext>>();
            await using var db = await factory.CreateDbContextAsync(ct);
            try
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var counts = await CityGenerator.GenerateAsync(db, sp.GetRequiredService<BoardClock>(),
                    parse.GetValue(children), parse.GetValue(years), parse.GetValue(seed),
                    new Progress<int>(n => context.Output.Write($"\r{n:N0}")), ct);
                context.Output.WriteLine();
                context.Output.WriteLine(context.Text("Cli.SeedDemo.Done", counts.Children, counts.Screenings, counts.Referrals, counts.AssistanceRecords, counts.Events,
                    System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)));
                return 0;
            }
            catch (CityRefusedException ex)
            {
                context.Output.WriteLine(context.Text(ex.Code));
                return 1;
            }
            catch (ArgumentOutOfRangeException ex)
            {
                context.Output.WriteLine(ex.Message);
                return 2;
            }
        });
        return command;
    }

    private static Command Backup(CliContext context)
    {
        var output = CliContext.Required("--out", context.Text("Cli.Backup.Out"));
        var command = new Command("backup", context.Text("Cli.Backup")) { output };
        context.Action(command, (parse, sp, _) => Guarded(context, () =>
        {
            var check = BoardBackup.Backup(DatabasePath(sp), parse.GetRequiredValue(output));
            context.Output.WriteLine(context.Text("Cli.Backup.Done", check.Path, check.Integrity, check.Children, check.Screenings, check.LastSequence));
        }));
        return command;
    }

    private static Command Restore(CliContext context)
    {
        var from = CliContext.Required("--from", context.Text("Cli.Restore.From"));
        var command = new Command("restore", context.Text("Cli.Restore")) { from };
        context.Action(command, (parse, sp, _) => Guarded(context, () =>
        {
            var (restored, kept) = BoardBackup.Restore(DatabasePath(sp), parse.GetRequiredValue(from));
            context.Output.WriteLine(context.Text("Cli.Restore.Done", restored.Path, restored.Integrity, restored.Children, restored.Screenings, restored.LastSequence, kept ?? "-"));
        }));
        return command;
    }

    private static string DatabasePath(IServiceProvider sp) =>
        BoardBackup.PathOf(sp.GetRequiredService<DataLocation>().ConnectionString)
        ?? throw new BackupRefusedException("Backup.NoFile", "The board's database is not a file.");

    private static Task<int> Guarded(CliContext context, Action run)
    {
        try
        {
            run();
            return Task.FromResult(0);
        }
        catch (BackupRefusedException ex)
        {
            context.Output.WriteLine(context.Text(ex.Code));
            context.Output.WriteLine(ex.Message);
            return Task.FromResult(1);
        }
    }
}
