using System.CommandLine;
using Coordination.Core.Figures;

namespace Coordination.Web.Cli;

/// <summary><c>export --quarter 2026Q3 --out f.xlsx</c>: the quarterly workbook, the same cells as the API's and the page's.</summary>
public static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var quarter = CliContext.Required("--quarter", context.Text("Cli.Export.Quarter"));
        var output = CliContext.Required("--out", context.Text("Cli.Export.Out"));
        var export = new Command("export", context.Text("Cli.Export")) { quarter, output };
        context.Action(export, async (parse, sp, ct) =>
        {
            var figures = sp.GetRequiredService<FiguresService>();
            var q = await figures.ParseQuarterAsync(parse.GetRequiredValue(quarter), ct);
            var path = Path.GetFullPath(parse.GetRequiredValue(output));
            // Written beside the target and moved into place: a failed export never leaves half a file under the name.
            var partial = path + ".partial";
            await using (var file = File.Create(partial))
            {
                await figures.WriteWorkbookAsync(CliContext.Console, q, file, ct);
            }
            File.Move(partial, path, overwrite: true);
            context.Output.WriteLine(context.Text("Cli.Export.Done", q.ToString(), path));
            return 0;
        });
        return export;
    }
}
