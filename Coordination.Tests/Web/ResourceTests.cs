using System.Text.RegularExpressions;
using System.Xml.Linq;
using Coordination.Core;
using Coordination.Core.Assistance;
using Coordination.Core.Children;
using Coordination.Core.Referrals;
using Coordination.Core.Screenings;

namespace Coordination.Tests.Web;

/// <summary>The interface speaks Chinese by default and English completely: every string in both, none missing.</summary>
public sealed partial class ResourceTests
{
    private static readonly string Root = FindRoot();
    private static readonly Dictionary<string, string> Chinese = Load("SharedResource.resx");
    private static readonly Dictionary<string, string> English = Load("SharedResource.en.resx");

    [Fact]
    public void Chinese_and_English_have_the_same_keys_all_filled()
    {
        Assert.Equal(Chinese.Keys.Order(StringComparer.Ordinal), English.Keys.Order(StringComparer.Ordinal));
        Assert.All(Chinese, kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key));
        Assert.All(English, kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key));
    }

    [Fact]
    public void Both_languages_use_the_same_placeholders()
    {
        foreach (var (key, zh) in Chinese)
        {
            Assert.True(
                Placeholders(zh).SetEquals(Placeholders(English[key])),
                $"{key}: '{zh}' and '{English[key]}' differ in placeholders");
        }
    }

    [Fact]
    public void The_Chinese_strings_are_Chinese()
    {
        // Only format strings made of placeholders may lack Chinese characters; Chinese punctuation alone (the
        // full-width colon of Common.Colon) is Chinese too.
        var untranslated = Chinese
            .Where(kv => kv.Key != "Board.AsOf" && !kv.Value.Any(c => c is >= '\u4e00' and <= '\u9fff' or >= '\uff01' and <= '\uff1f' or >= '\u3001' and <= '\u3011'))
            .Select(kv => kv.Key)
            .ToList();
        Assert.Equal([], untranslated);
    }

    [Fact]
    public void Every_key_the_code_uses_has_a_string()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "Coordination.Web"), "*.*", SearchOption.AllDirectories)
                     .Concat(Directory.EnumerateFiles(Path.Combine(Root, "Coordination.Core"), "*.cs", SearchOption.AllDirectories))
                     .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
                     .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in UsedKey().Matches(text))
            {
                used.Add(m.Groups["key"].Value);
            }
            foreach (Match m in ErrorCode().Matches(text))
            {
                used.Add(m.Groups["key"].Value);
            }
        }
        Assert.NotEmpty(used);
        // Keys ending in '.' are prefixes completed by an enumeration's key: see the test below.
        Assert.Equal([], used.Where(k => !k.EndsWith('.') && !Chinese.ContainsKey(k)).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Every_key_of_the_domain_has_a_name_in_both_languages()
    {
        var keys = EnumKeys.All<ScreeningKind>().Select(k => "Kind." + k.Key())
            .Concat(EnumKeys.All<RiskLevel>().Select(r => "Risk." + r.Key()))
            .Concat(EnumKeys.All<ChildCategory>().Select(c => "Category." + c.Key()))
            .Concat(NeedSet.Each.Select(n => "Need." + n.Key()))
            .Concat(Enum.GetNames<Sex>().Select(s => "Sex." + s))
            .Concat(EnumKeys.All<AssistanceKind>().Select(k => "Assistance." + k.Key()))
            .Concat(EnumKeys.All<GuardianRelation>().Select(k => "Relation." + k.Key()))
            .Concat(EnumKeys.All<ClosureReason>().Select(k => "Closure." + k.Key()))
            .Concat(EnumKeys.All<ChildStatus>().Select(k => "Status." + k.Key()))
            .Concat(EnumKeys.All<GuardianshipSituation>().Select(k => "Guardianship." + k.Key()))
            .Concat(EnumKeys.All<LivingConditions>().Select(k => "Living." + k.Key()))
            .Concat(EnumKeys.All<PsychologicalFlag>().Where(f => f != PsychologicalFlag.None).Select(k => "Flag." + k.Key()))
            .Concat(EnumKeys.All<PsychologicalBand>().Select(k => "Band." + k.Key()))
            .Concat(EnumKeys.All<ReferralUrgency>().Select(u => "Urgency." + u.Key()))
            .Concat(EnumKeys.All<ReferralStatus>().Select(s => "ReferralStatus." + s.Key()))
            .Concat(EnumKeys.All<ReferralAction>().Select(a => "ReferralAction." + a.Key()))
            .Concat(EnumKeys.All<ReferralAction>().Where(a => a is not (ReferralAction.AcceptanceOverdue or ReferralAction.CompletionOverdue)).Select(a => "Referral.Conflict." + a.Key()))
            .ToList();
        Assert.Equal([], keys.Where(k => !Chinese.ContainsKey(k) || !English.ContainsKey(k)).ToList());
    }

    private static HashSet<string> Placeholders(string s) => [.. Regex.Matches(s, @"\{\d+\}").Select(m => m.Value)];

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(Root, "Coordination.Web", "Resources", file))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Coordination.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("Coordination.sln not found above the test binaries.");
    }

    [GeneratedRegex("""(?:\bL|localizer)(?:\[|\.Text\()"(?<key>[A-Za-z][A-Za-z0-9.\-]+)""")]
    private static partial Regex UsedKey();

    [GeneratedRegex("\"(?<key>Error\\.[A-Za-z.]+)\"")]
    private static partial Regex ErrorCode();
}
