using System.CommandLine;
using Coordination.Core;
using Coordination.Core.Access;
using Coordination.Core.Import;
using Coordination.Core.Reference;
using Microsoft.AspNetCore.Identity;

namespace Coordination.Web.Cli;

/// <summary>
/// <c>import --file f.xlsx --agency education [--dry-run] [--sheet S] [--leave-out 12,15] [--report r.xlsx] [--as EMAIL]</c> and
/// <c>import template --agency education --out f.xlsx</c>.
/// <para>
/// Who imports: an import is each row's screening, which the console's administrator may not record
/// (<see cref="CliContext.Console"/>). So the CLI acts as <c>--as</c>'s account, with that account's role, agency and
/// township (a viewer is refused as on the page and the API, a township only its township's children), or, without
/// <c>--as</c>, as the lead of <c>--agency</c> at the console (audited as "cli"). <c>--agency</c> must be the account's:
/// an agency imports only its own kind.
/// </para>
/// </summary>
public static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var file = CliContext.Required("--file", context.Text("Cli.Import.File"));
        var agency = CliContext.Required("--agency", context.Text("Cli.Import.Agency"));
        var dryRun = new Option<bool>("--dry-run") { Description = context.Text("Cli.Import.DryRun") };
        var sheet = CliContext.Optional("--sheet", context.Text("Cli.Import.Sheet"));
        var leaveOut = CliContext.Optional("--leave-out", context.Text("Cli.Import.LeaveOut"));
        var report = CliContext.Optional("--report", context.Text("Cli.Import.Report"));
        var asAccount = CliContext.Optional("--as", context.Text("Cli.Import.As"));
        var import = new Command("import", context.Text("Cli.Import")) { file, agency, dryRun, sheet, leaveOut, report, asAccount };
        import.Subcommands.Add(Template(context));
        context.Action(import, async (parse, sp, ct) =>
        {
            var agencyKey = parse.GetRequiredValue(agency);
            return await RunAsync(context, sp, agencyKey, parse.GetValue(asAccount), async actor =>
            {
                var service = sp.GetRequiredService<ImportService>();
                var path = Path.GetFullPath(parse.GetRequiredValue(file));
                var input = new ImportFile(await File.ReadAllBytesAsync(path, ct), path, parse.GetValue(sheet));
                var progress = new Progress(context);
                var errors = new InputErrors();
                var left = Api.ImportApi.Rows(parse.GetValue(leaveOut), "leave-out", errors);
                errors.ThrowIfAny();
                ImportReport result;
                if (parse.GetValue(dryRun))
                {
                    result = await service.DryRunAsync(actor, input, agencyKey, progress, ct);
                }
                else
                {
                    try
                    {
                        result = await service.ApplyAsync(actor, input, new ImportChoices(left), agencyKey, progress, ct);
                    }
                    catch (ImportNotCleanException ex)
                    {
                        Rows(context, ex.Report);
                        context.Output.WriteLine(context.Text(ex.Code));
                        return 1;
                    }
                }
                Rows(context, result);
                if (parse.GetValue(report) is { } reportPath)
                {
                    var full = Path.GetFullPath(reportPath);
                    await using (var output = File.Create(full))
                    {
                        await service.WriteReportAsync(actor, result, output, ct);
                    }
                    context.Output.WriteLine(context.Text("Cli.Import.ReportWritten", full));
                }
                context.Output.WriteLine(parse.GetValue(dryRun)
                    ? context.Text("Cli.Import.DryRunDone")
                    : context.Text("Cli.Import.Applied", result.Count(ImportOutcome.New), result.Count(ImportOutcome.New) + result.Count(ImportOutcome.Existing)));
                return 0;
            });
        });
        return import;
    }

    private static Command Template(CliContext context)
    {
        var agency = CliContext.Required("--agency", context.Text("Cli.Import.Agency"));
        var output = CliContext.Required("--out", context.Text("Cli.Import.Out"));
        var asAccount = CliContext.Optional("--as", context.Text("Cli.Import.As"));
        var template = new Command("template", context.Text("Cli.Import.Template")) { agency, output, asAccount };
        context.Action(template, async (parse, sp, ct) =>
        {
            var agencyKey = parse.GetRequiredValue(agency);
            return await RunAsync(context, sp, agencyKey, parse.GetValue(asAccount), async actor =>
            {
                var path = Path.GetFullPath(parse.GetRequiredValue(output));
                var partial = path + ".partial";
                await using (var file = File.Create(partial))
                {
                    await sp.GetRequiredService<ImportService>().WriteTemplateAsync(actor, agencyKey, file, ct);
                }
                File.Move(partial, path, overwrite: true);
                context.Output.WriteLine(context.Text("Cli.Import.TemplateDone", path));
                return 0;
            });
        });
        return template;
    }

    /// <summary>Chooses the actor (see the class), runs, and prints the domain's refusals in Chinese: 3 for not allowed, 1 for the file.</summary>
    private static async Task<int> RunAsync(CliContext context, IServiceProvider sp, string agencyKey, string? email, Func<Actor, Task<int>> run)
    {
        if (sp.GetRequiredService<ReferenceCatalog>().Agency(agencyKey) is null)
        {
            context.Output.WriteLine("--agency: " + context.Text("Error.Import.AgencyUnknown"));
            return 2;
        }
        Actor actor;
        if (email is null)
        {
            actor = new Actor(agencyKey, "cli", Role.Lead, From: "cli");
        }
        else
        {
            var account = await sp.GetRequiredService<UserManager<Account>>().FindByEmailAsync(email);
            if (account is null || account.IsDisabled)
            {
                context.Output.WriteLine(context.Text("Cli.Import.AccountUnknown", email));
                return 2;
            }
            actor = account.ToActor("cli") with { Account = account.Email };
        }
        try
        {
            return await run(actor);
        }
        catch (ForbiddenException ex)
        {
            context.Output.WriteLine(context.Text("Cli.Import.Refused", context.Text(ex.Code == "Error.Forbidden" ? "Error.Forbidden" : ex.Code)));
            return 3;
        }
        catch (ImportFileException ex)
        {
            context.Output.WriteLine(context.Text(ex.Code, [.. ex.Arguments]));
            return 1;
        }
        catch (DomainException ex) when (ex is not InvalidInputException)
        {
            context.Output.WriteLine(context.Text(ex.Code));
            return 1;
        }
        catch (FileNotFoundException ex)
        {
            context.Output.WriteLine(ex.Message);
            return 2;
        }
    }

    private static void Rows(CliContext context, ImportReport report)
    {
        foreach (var row in report.Rows.Where(r => r.Outcome is ImportOutcome.Refused or ImportOutcome.NearDuplicate))
        {
            var reasons = string.Join("；", row.Problems.Select(p => (p.Column is null ? "" : "【" + p.Column + "】") + context.Text(p.Code)));
            context.Output.WriteLine(context.Text("Cli.Import.Row", row.Row, context.Text("Import.Outcome." + row.Outcome.Key()) + " " + reasons));
        }
        context.Output.WriteLine(context.Text("Cli.Import.Summary",
            report.Count(ImportOutcome.New), report.Count(ImportOutcome.Existing), report.Count(ImportOutcome.NearDuplicate),
            report.Count(ImportOutcome.Refused), report.Count(ImportOutcome.Unchanged), report.Count(ImportOutcome.LeftOut)));
    }

    /// <summary>Prints each stage as it moves (reading, checking every 500 rows, saving), synchronously so lines keep their order.</summary>
    private sealed class Progress(CliContext context) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) =>
            context.Output.WriteLine(context.Text("Cli.Import.Progress", context.Text("Cli.Import.Stage." + value.Stage.Key()), value.Done, value.Total));
    }
}
