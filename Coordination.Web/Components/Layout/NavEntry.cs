namespace Coordination.Web.Components.Layout;

/// <summary>One place of the board a person may go, shown in the app bar on wide screens and in the drawer on narrow ones.</summary>
public sealed record NavEntry(string Href, string Icon, string LabelKey, string TestId, bool Primary)
{
    /// <summary>Where <paramref name="who"/> may go, in the order the navigation shows them; the rules are <see cref="Rights"/>'.</summary>
    public static IReadOnlyList<NavEntry> For(Actor? who)
    {
        var entries = new List<NavEntry> { new("/", MudBlazor.Icons.Material.Filled.Dashboard, "Nav.Board", "nav-board", true) };
        if (who is null)
        {
            return entries;
        }
        if (Rights.CanScreen(who))
        {
            entries.Add(new("/screenings/new", MudBlazor.Icons.Material.Filled.AddTask, "Nav.RecordScreening", "nav-record", true));
            entries.Add(new("/import", MudBlazor.Icons.Material.Filled.UploadFile, "Nav.Import", "nav-import", false));
        }
        if (Rights.CanListChildren(who))
        {
            entries.Add(new("/referrals", MudBlazor.Icons.Material.Filled.SwapHoriz, "Nav.Referrals", "nav-referrals", true));
            entries.Add(new("/children", MudBlazor.Icons.Material.Filled.ChildCare, "Nav.Children", "nav-children", true));
        }
        if (who.Role != Role.Display)
        {
            entries.Add(new("/programmes", MudBlazor.Icons.Material.Filled.Flag, "Nav.Programmes", "nav-programmes", false));
            entries.Add(new("/figures", MudBlazor.Icons.Material.Filled.BarChart, "Nav.Figures", "nav-figures", false));
        }
        if (Rights.CanAdminister(who))
        {
            entries.Add(new("/admin/accounts", MudBlazor.Icons.Material.Filled.ManageAccounts, "Nav.Accounts", "nav-accounts", false));
            entries.Add(new("/admin/villages", MudBlazor.Icons.Material.Filled.HolidayVillage, "Nav.Villages", "nav-villages", false));
            entries.Add(new("/admin/audit", MudBlazor.Icons.Material.Filled.ManageSearch, "Nav.Audit", "nav-audit", false));
        }
        return entries;
    }
}
